/**
 * Small, typed readers for environment variables. Each one either returns a value or throws a
 * ConfigError naming the variable and what was expected, so a bad deployment stops with one line.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(
      received === undefined
        ? `${variable} is required: expected ${expected}`
        : `${variable} must be ${expected} (got ${JSON.stringify(received)})`,
    );
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readString(env: Env, name: string, fallback: string): string;
export function readString(env: Env, name: string): string | undefined;
export function readString(env: Env, name: string, fallback?: string): string | undefined {
  return raw(env, name) ?? fallback;
}

export function readInt(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const expected = `an integer between ${range.min} and ${range.max}`;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, expected, value);
  const parsed = Number(value);
  if (parsed < range.min || parsed > range.max) throw new ConfigError(name, expected, value);
  return parsed;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, 'true or false', value);
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

export function readUrl(env: Env, name: string, protocols: readonly string[]): URL | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  const expected = `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, expected, value);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '') throw new ConfigError(name, expected, value);
  return url;
}

export function readList(env: Env, name: string, pattern: RegExp, description: string): string[] {
  const value = raw(env, name);
  if (value === undefined) return [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const bad = items.find((item) => !pattern.test(item));
  if (bad !== undefined) throw new ConfigError(name, `a comma-separated list of ${description}`, value);
  return items;
}
