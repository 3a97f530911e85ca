import { describe, expect, it } from '@jest/globals';
import { DEMO_PLATFORMS } from './demo-offer.js';
import { COPY_STREAM, NATIVE_STREAM, offerIdCodec, platformOfId } from './offer-ids.js';

const FORMATS = {
  'france-travail': /^\d{3}[A-Z]{4}$/,
  nordemploi: /^[1-9]\d{6}$/,
  'job-connexion': /^[0-9a-z]{6}$/,
} as const;

describe('offer ids', () => {
  it.each(DEMO_PLATFORMS)('%s: encodes in the platform’s format and decodes back', (platform) => {
    const codec = offerIdCodec(platform, 2026);
    const ids = new Set<string>();
    for (const stream of [NATIVE_STREAM, 1, 2, 3]) {
      for (const index of [0, 1, 2, 149, 150, 99_999, 123_456, codec.capacity - 1]) {
        const id = codec.encode({ stream, index });
        expect(id).toMatch(FORMATS[platform]);
        expect(platformOfId(id)).toBe(platform);
        expect(codec.decode(id)).toEqual({ stream, index });
        ids.add(id);
      }
    }
    expect(ids.size).toBe(32);
  });

  it('gives other ids for another seed', () => {
    expect(offerIdCodec('france-travail', 1).encode({ stream: 0, index: 0 })).not.toBe(
      offerIdCodec('france-travail', 2).encode({ stream: 0, index: 0 }),
    );
  });

  it('refuses what is not an id of the platform', () => {
    const codec = offerIdCodec('france-travail', 2026);
    expect(codec.decode('abc')).toBeUndefined();
    expect(codec.decode('1234567')).toBeUndefined();
    expect(platformOfId('../etc')).toBeUndefined();
    expect(() => codec.encode({ stream: 0, index: -1 })).toThrow(RangeError);
  });

  it('reserves one stream per platform a copy can come from', () => {
    expect(new Set(Object.values(COPY_STREAM)).size).toBe(3);
    expect(Object.values(COPY_STREAM)).not.toContain(NATIVE_STREAM);
  });
});
