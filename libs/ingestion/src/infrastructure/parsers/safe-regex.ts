import re2 from 're2-wasm';

const { RE2 } = re2;

/** What the parsers need of a regular expression. */
export interface SafeRegex {
  exec(input: string): Array<string | undefined> | null;
}

// re2-wasm frees a compiled expression only when asked (`delete` on its WebAssembly handle), and a
// source's few patterns are used on every page: each pattern is compiled once and kept.
const compiled = new Map<string, SafeRegex>();
const MAX_KEPT = 1000;

/**
 * Site descriptions are written by staff through the API, and their regular expressions run on
 * pages from the Internet. RE2 matches in time linear in the input (no backtracking), so a
 * catastrophic pattern such as `^(a+)+$` cannot hang the worker. RE2 has no backreferences nor
 * lookaround: such patterns are refused when the source is saved (regexProblem).
 */
export function safeRegex(pattern: string, ignoreCase = false): SafeRegex {
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    // The `u` flag is required by re2-wasm; it also makes `\d`, `.` and classes work on code points.
    regex = new RE2(pattern, ignoreCase ? 'iu' : 'u');
    if (compiled.size < MAX_KEPT) compiled.set(key, regex);
  }
  return regex;
}

/** Why a pattern cannot be used in a site description, or null. */
export function regexProblem(pattern: string): string | null {
  try {
    const regex = new RE2(pattern, 'u');
    (regex as unknown as { wrapper: { delete(): void } }).wrapper.delete();
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `must be a regular expression RE2 accepts (no backreference, no lookaround): ${detail}`;
  }
}
