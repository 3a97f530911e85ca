import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) for the local-account second factor.
 * Errors thrown here are programming or storage errors (bad secret, bad option), never a wrong code:
 * a wrong code is a `null` from verifyTotp.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  digits?: number;
  algorithm?: TotpAlgorithm;
}

export interface VerifyTotpOptions {
  /** Steps accepted on each side of the current one; 1 covers ordinary phone clock drift. */
  window?: number;
  /** The step of the last code accepted for this account; that step and earlier ones are refused. */
  lastUsedStep?: number | null;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// RFC 4226 R6 recommends a 160-bit shared secret.
const SECRET_BYTES = 20;
const ALGORITHMS: readonly string[] = ['sha1', 'sha256', 'sha512'] satisfies TotpAlgorithm[];
const MAX_COUNTER = 2n ** 64n - 1n;
// Each extra step of window is one more code an online guesser gets per attempt.
const MAX_WINDOW = 10;
const CODE_PATTERN = new RegExp(`^[0-9]{${TOTP_DIGITS}}$`);

/** 20 random bytes, base32 (RFC 4648, no padding, upper case). */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET.charAt((buffer >>> bits) & 31);
    }
    // Keep only the bits not yet emitted so the accumulator stays small.
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

/**
 * Tolerant of lower case, whitespace and trailing '=' padding (secrets are often typed or pasted by hand);
 * throws on any other character and on lengths no whole number of bytes encodes to.
 */
export function base32Decode(text: string): Buffer {
  const cleaned = text.replace(/\s+/g, '').replace(/=+$/, '');
  // Checked before upper-casing: toUpperCase maps some non-ASCII letters (ı, ß) onto the alphabet.
  // The messages never quote the input, as it is a secret.
  const invalid = cleaned.search(/[^A-Za-z2-7]/);
  if (invalid !== -1) throw new Error(`Invalid base32 character at position ${invalid}`);
  if ([1, 3, 6].includes(cleaned.length % 8)) throw new Error('Invalid base32 length: the text looks truncated');

  const upper = cleaned.toUpperCase();
  const out = Buffer.alloc(Math.floor((upper.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of upper) {
    buffer = (buffer << 5) | BASE32_ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  return out;
}

/** HOTP value for a counter (SHA-1, 6 digits by default), zero-padded string. */
export function hotp(
  secret: Buffer,
  counter: bigint | number,
  digits: number = TOTP_DIGITS,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  // RFC 4226 R4 asks for at least 6 digits; the truncated value has 31 bits, so at most 10 are meaningful.
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) throw new RangeError('HOTP digits must be 6 to 10');
  if (!ALGORITHMS.includes(algorithm)) throw new RangeError('HOTP algorithm must be sha1, sha256 or sha512');
  // An empty key would make every code computable by anyone.
  if (secret.length === 0) throw new RangeError('HOTP secret must not be empty');

  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(toCounter(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  // Dynamic truncation, RFC 4226 section 5.3.
  const offset = mac[mac.length - 1] & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

export function totpAt(secretBase32: string, at: Date, options: TotpOptions = {}): string {
  return hotp(decodeSecret(secretBase32), timeStep(at), options.digits ?? TOTP_DIGITS, options.algorithm ?? 'sha1');
}

/**
 * Verifies a code typed by a user: accepts the current step and one step either side (clock drift),
 * compares in constant time, and returns the matched time step (a number) so callers can refuse a
 * code whose step was already used (replay), or null when it does not match. Refuses anything that is not exactly 6 digits.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  options: VerifyTotpOptions = {},
): number | null {
  const window = options.window ?? 1;
  const lastUsedStep = options.lastUsedStep ?? null;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`TOTP window must be an integer from 0 to ${MAX_WINDOW}`);
  }
  // A NaN here would compare false against every step and silently disable replay protection.
  if (lastUsedStep !== null && !Number.isSafeInteger(lastUsedStep)) {
    throw new RangeError('lastUsedStep must be an integer or null');
  }
  // The typeof guards JavaScript callers: RegExp.test would coerce the number 123456 to a matching string.
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) return null;

  const secret = decodeSecret(secretBase32);
  const current = timeStep(at);
  const given = Buffer.from(code, 'ascii');
  let matched: number | null = null;
  // No early exit, so the time taken does not reveal which step matched. Keeping the highest match
  // matters when a code collides across steps: recording the highest refuses the lower ones too.
  for (let step = Math.max(0, current - window); step <= current + window; step++) {
    const expected = Buffer.from(hotp(secret, step), 'ascii');
    if (timingSafeEqual(expected, given) && (lastUsedStep === null || step > lastUsedStep)) matched = step;
  }
  return matched;
}

/** otpauth:// URI for authenticator apps: otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30 (properly URI-encoded). */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  // The Key URI format forbids a colon (even encoded) in either part: it separates them in the label.
  for (const [name, value] of [
    ['account', account],
    ['issuer', issuer],
  ]) {
    if (value.trim() === '' || value.includes(':')) {
      throw new RangeError(`TOTP ${name} must be non-empty and must not contain ':'`);
    }
  }
  // Re-encoded so apps that choke on padding or lower case get the canonical form.
  const secret = base32Encode(decodeSecret(secretBase32));
  // encodeURIComponent rather than URLSearchParams, whose '+' for a space some apps display literally.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_PERIOD_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

function decodeSecret(secretBase32: string): Buffer {
  const secret = base32Decode(secretBase32);
  if (secret.length === 0) throw new RangeError('TOTP secret must not be empty');
  return secret;
}

function timeStep(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('TOTP time must be a valid date from 1970 on');
  return Math.floor(ms / (TOTP_PERIOD_SECONDS * 1000));
}

function toCounter(counter: bigint | number): bigint {
  if (typeof counter === 'number' && !Number.isSafeInteger(counter)) {
    throw new RangeError('HOTP counter must be an integer');
  }
  const value = BigInt(counter);
  if (value < 0n || value > MAX_COUNTER) throw new RangeError('HOTP counter must fit in 64 unsigned bits');
  return value;
}
