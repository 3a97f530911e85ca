import { normalizeText, tokens } from './text.js';

/** Jaccard index of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Word 3-grams of a text: robust to reflowed lines and punctuation, sensitive to real rewording. */
export function shingles(text: string, size = 3): Set<string> {
  const words = normalizeText(text)
    .split(' ')
    .filter((word) => word.length > 0);
  const result = new Set<string>();
  if (words.length < size) {
    if (words.length > 0) result.add(words.join(' '));
    return result;
  }
  for (let i = 0; i + size <= words.length; i += 1) result.add(words.slice(i, i + size).join(' '));
  return result;
}

export function titleSimilarity(a: string, b: string): number {
  return jaccard(new Set(tokens(a)), new Set(tokens(b)));
}

export function descriptionSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/**
 * The cross-source duplicate rule. Two offers are the same job when they have the same employer
 * and commune (the fingerprint), titles sharing at least 80 % of their words, and descriptions
 * sharing at least 60 % of their word 3-grams. The thresholds keep reposts with edited punctuation,
 * case or line breaks together, and keep apart two different jobs at the same employer.
 */
export const DUPLICATE_THRESHOLDS = { title: 0.8, description: 0.6 } as const;

export function duplicateFingerprint(employerName: string | null, communeInsee: string | null): string | null {
  if (!employerName || !communeInsee) return null;
  const employer = tokens(employerName)
    .filter((token) => !['sas', 'sarl', 'sa', 'eurl', 'sasu', 'scop', 'association', 'ets', 'societe'].includes(token))
    .join(' ');
  return employer ? `${employer}|${communeInsee}` : null;
}

export function isSameJob(
  a: { readonly title: string; readonly description: string },
  b: { readonly title: string; readonly description: string },
): boolean {
  return (
    titleSimilarity(a.title, b.title) >= DUPLICATE_THRESHOLDS.title &&
    descriptionSimilarity(a.description, b.description) >= DUPLICATE_THRESHOLDS.description
  );
}
