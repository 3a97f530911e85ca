import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { byId } from './rank-people-for-offer.use-case.js';

describe('the tie-break of people with equal scores', () => {
  it('orders UUIDs as localeCompare does', () => {
    // Ids that share long prefixes as well as random ones: every position of the UUID decides somewhere.
    const base = randomUUID();
    const ids = [
      ...Array.from({ length: 2_000 }, () => randomUUID()),
      ...Array.from({ length: 36 }, (_, at) =>
        base[at] === '-' ? base : `${base.slice(0, at)}${'0123456789abcdef'[at % 16]}${base.slice(at + 1)}`,
      ),
      base,
    ];
    expect([...ids].sort(byId)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    for (let i = 0; i + 1 < ids.length; i += 1)
      expect(Math.sign(byId(ids[i], ids[i + 1]))).toBe(Math.sign(ids[i].localeCompare(ids[i + 1])));
  });

  it('ties an id with itself', () => {
    const id = randomUUID();
    expect(byId(id, `${id}`)).toBe(0);
  });
});
