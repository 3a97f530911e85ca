import type { DemoPlatform } from './demo-offer.js';
import { hash32 } from './prng.js';

/**
 * Offer ids in each platform's own format (France Travail "048KLTP", Nordemploi "4820193", Job
 * Connexion "k3x9q1"), encoding (stream, index) through a seeded affine permutation. Ids look
 * unrelated to each other, yet a server decodes any id back to its offer without a lookup table:
 * that is what lets the France Travail imitation serve 100,000+ offers generated on demand.
 *
 * Stream 0 holds a platform's own offers; streams 1-3 hold the copies of offers cross-posted from
 * another platform (see COPY_STREAM), so a copy's id follows from its original alone.
 */
export interface OfferSlot {
  readonly stream: number;
  readonly index: number;
}

export const NATIVE_STREAM = 0;
export const COPY_STREAM: Readonly<Record<DemoPlatform, number>> = {
  nordemploi: 1,
  'job-connexion': 2,
  'france-travail': 3,
};
const STREAM_COUNT = 4;

export class OfferIdCodec {
  private readonly inverse: bigint;

  constructor(
    private readonly modulus: number,
    private readonly multiplier: number,
    private readonly offset: number,
    /** How many offers one stream can hold. */
    readonly capacity: number,
    private readonly format: (value: number) => string,
    private readonly parse: (id: string) => number | undefined,
  ) {
    if (capacity * STREAM_COUNT > modulus) throw new Error('OfferIdCodec: streams overflow the id space');
    this.inverse = modularInverse(BigInt(multiplier), BigInt(modulus));
  }

  encode(slot: OfferSlot): string {
    if (slot.index < 0 || slot.index >= this.capacity) throw new RangeError(`offer index out of range: ${slot.index}`);
    const n = slot.stream * this.capacity + slot.index;
    // multiplier * n stays below 2^53: multipliers are under 2^16 and moduli under 2^32.
    return this.format((this.multiplier * n + this.offset) % this.modulus);
  }

  decode(id: string): OfferSlot | undefined {
    const value = this.parse(id);
    if (value === undefined || value >= this.modulus) return undefined;
    const m = BigInt(this.modulus);
    const shifted = (((BigInt(value) - BigInt(this.offset)) % m) + m) % m;
    const n = Number((shifted * this.inverse) % m);
    const stream = Math.floor(n / this.capacity);
    if (stream >= STREAM_COUNT) return undefined;
    return { stream, index: n % this.capacity };
  }
}

function modularInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('modularInverse: not coprime');
  return ((oldS % m) + m) % m;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const FT_LETTER_SPACE = 26 ** 4;

function franceTravailCodec(seed: number): OfferIdCodec {
  const modulus = 1000 * FT_LETTER_SPACE;
  return new OfferIdCodec(
    modulus,
    48_271,
    hash32('ids', 'france-travail', seed) % modulus,
    100_000_000,
    (value) => {
      let letters = '';
      let rest = value % FT_LETTER_SPACE;
      for (let i = 0; i < 4; i += 1) {
        letters = LETTERS[rest % 26] + letters;
        rest = Math.floor(rest / 26);
      }
      return `${String(Math.floor(value / FT_LETTER_SPACE)).padStart(3, '0')}${letters}`;
    },
    (id) => {
      const match = /^(\d{3})([A-Z]{4})$/.exec(id);
      if (!match) return undefined;
      let letters = 0;
      for (const letter of match[2]) letters = letters * 26 + LETTERS.indexOf(letter);
      return Number(match[1]) * FT_LETTER_SPACE + letters;
    },
  );
}

function nordemploiCodec(seed: number): OfferIdCodec {
  const modulus = 9_000_000;
  return new OfferIdCodec(
    modulus,
    7_919,
    hash32('ids', 'nordemploi', seed) % modulus,
    2_000_000,
    (value) => String(1_000_000 + value),
    (id) => (/^[1-9]\d{6}$/.test(id) ? Number(id) - 1_000_000 : undefined),
  );
}

function jobConnexionCodec(seed: number): OfferIdCodec {
  const modulus = 36 ** 6;
  return new OfferIdCodec(
    modulus,
    48_271,
    hash32('ids', 'job-connexion', seed) % modulus,
    500_000_000,
    (value) => value.toString(36).padStart(6, '0'),
    (id) => (/^[0-9a-z]{6}$/.test(id) ? parseInt(id, 36) : undefined),
  );
}

export function offerIdCodec(platform: DemoPlatform, seed: number): OfferIdCodec {
  switch (platform) {
    case 'france-travail':
      return franceTravailCodec(seed);
    case 'nordemploi':
      return nordemploiCodec(seed);
    case 'job-connexion':
      return jobConnexionCodec(seed);
  }
}

/** Which platform an id belongs to, by its format (the three formats never overlap). */
export function platformOfId(id: string): DemoPlatform | undefined {
  if (/^\d{3}[A-Z]{4}$/.test(id)) return 'france-travail';
  if (/^[1-9]\d{6}$/.test(id)) return 'nordemploi';
  if (/^[0-9a-z]{6}$/.test(id)) return 'job-connexion';
  return undefined;
}
