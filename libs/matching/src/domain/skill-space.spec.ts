import { describe, expect, it } from '@jest/globals';
import { rarityOrder } from './scoring.js';
import { cosine, SkillSpace } from './skill-space.js';

// Two families of occupations sharing skills inside each family only.
const occupations = [
  {
    code: 'K2205',
    skills: [
      { id: 'clean', core: true },
      { id: 'waste', core: true },
      { id: 'products', core: false },
    ],
  },
  {
    code: 'K2303',
    skills: [
      { id: 'clean', core: true },
      { id: 'waste', core: true },
      { id: 'street', core: true },
    ],
  },
  {
    code: 'G1503',
    skills: [
      { id: 'clean', core: false },
      { id: 'beds', core: true },
      { id: 'products', core: true },
    ],
  },
  {
    code: 'N1103',
    skills: [
      { id: 'orders', core: true },
      { id: 'forklift', core: true },
      { id: 'stock', core: false },
    ],
  },
  {
    code: 'N1101',
    skills: [
      { id: 'forklift', core: true },
      { id: 'stock', core: true },
      { id: 'safety', core: false },
    ],
  },
  {
    code: 'N4101',
    skills: [
      { id: 'drive', core: true },
      { id: 'safety', core: true },
      { id: 'orders', core: false },
    ],
  },
];

describe('SkillSpace', () => {
  const space = SkillSpace.build(occupations, 4);

  it('puts the skills of related occupations closer than those of unrelated ones', () => {
    const cleaning = space.embed([{ id: 'clean', weight: 1 }])!;
    const urban = space.embed([{ id: 'street', weight: 1 }])!;
    const logistics = space.embed([{ id: 'forklift', weight: 1 }])!;
    expect(cosine(cleaning, urban)).toBeGreaterThan(cosine(cleaning, logistics));
  });

  it('gives unit vectors, the same ones every time', () => {
    const vector = space.embed([
      { id: 'clean', weight: 2 },
      { id: 'waste', weight: 1 },
    ])!;
    expect(cosine(vector, vector)).toBeCloseTo(1, 5);
    expect(
      SkillSpace.build(occupations, 4).embed([
        { id: 'clean', weight: 2 },
        { id: 'waste', weight: 1 },
      ]),
    ).toEqual(vector);
  });

  it('embeds lists of ids and weights exactly as the same pairs in their order', () => {
    const ids = ['street', 'unknown', 'clean', 'stock', 'forklift'];
    const weights = [1, 1, 0.5, 0, 0.25];
    expect(space.embedLists(ids, weights)).toEqual(space.embed(ids.map((id, i) => ({ id, weight: weights[i] }))));
    expect(space.embedLists(['unknown'], [1])).toBeNull();
  });

  it('weighs rare skills more, and knows nothing of unknown skills', () => {
    expect(space.idf('street')).toBeGreaterThan(space.idf('clean'));
    expect(space.embed([{ id: 'unknown', weight: 1 }])).toBeNull();
  });

  it('orders skills rarest first from its ranks exactly as IDF then collation does, unknown ids included', () => {
    const ids = ['clean', 'waste', 'products', 'street', 'beds', 'orders', 'forklift', 'stock', 'unknown', 'Zz', 'aa'];
    const slow = rarityOrder((id) => space.idf(id));
    // Ties in IDF exist among these (skills used by as many occupations), so the collation is exercised.
    expect(new Set(ids.map((id) => space.idf(id))).size).toBeLessThan(ids.length);
    for (let shift = 0; shift < ids.length; shift += 1) {
      const shuffled = [...ids.slice(shift), ...ids.slice(0, shift)].reverse();
      expect([...shuffled].sort(space.byRarity)).toEqual([...shuffled].sort(slow));
    }
    for (const a of ids) for (const b of ids) expect(Math.sign(space.byRarity(a, b))).toBe(Math.sign(slow(a, b)));
  });

  it('keeps each list it sorts rarest first, the same order as sorting it anew, until the list changes identity', () => {
    const ids = ['clean', 'waste', 'products', 'street', 'unknown', 'beds', 'Zz', 'aa'];
    const slow = rarityOrder((id) => space.idf(id));
    const sorted = space.rarestFirst(ids);
    expect(sorted).toEqual([...ids].sort(slow));
    // The list given is left as it was; asked again, the kept answer comes back as is.
    expect(ids[0]).toBe('clean');
    expect(space.rarestFirst(ids)).toBe(sorted);
    // Another list with the same ids is sorted on its own (kept by identity, not by content).
    const copy = [...ids];
    expect(space.rarestFirst(copy)).not.toBe(sorted);
    expect(space.rarestFirst(copy)).toEqual(sorted);
  });
});
