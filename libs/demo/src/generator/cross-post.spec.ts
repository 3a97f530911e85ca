import { describe, expect, it } from '@jest/globals';
import { crossPostedCopy } from './cross-post.js';
import { generateDemoOffers } from './generate-demo-offers.js';

const REFERENCE = new Date('2026-11-20T00:00:00.000Z');
const originals = generateDemoOffers({ count: 3000, seed: 11, region: 'nord', referenceDate: REFERENCE }).filter(
  (offer) => offer.alsoOn.length > 0,
);
const pairs = originals.map((original) => ({
  original,
  copy: crossPostedCopy(original, original.alsoOn[0], REFERENCE),
}));

describe('crossPostedCopy', () => {
  it('has enough cross-posted offers to test', () => {
    expect(pairs.length).toBeGreaterThan(100);
  });

  it('publishes the copy under the id the original announced, pointing back to it', () => {
    for (const { original, copy } of pairs) {
      expect(copy.platform).toBe('france-travail');
      expect(copy.id).toBe(original.alsoOn[0]?.id);
      expect(copy.duplicateOf).toEqual({ platform: original.platform, id: original.id });
      expect(copy.alsoOn).toEqual([{ platform: original.platform, id: original.id }]);
    }
  });

  it('keeps the facts: employer, commune, occupation, contract, hours, salary amounts, skills', () => {
    for (const { original, copy } of pairs) {
      expect(copy.employer).toEqual(original.employer);
      expect(copy.commune).toEqual(original.commune);
      expect(copy.romeCode).toBe(original.romeCode);
      expect({ ...copy.contract, label: '' }).toEqual({ ...original.contract, label: '' });
      expect(copy.workingTime.weeklyHours).toBe(original.workingTime.weeklyHours);
      expect(copy.salary && { ...copy.salary, text: '' }).toEqual(original.salary && { ...original.salary, text: '' });
      expect(copy.skills).toEqual(original.skills);
    }
  });

  it('changes the title and the description a little, and rewords labels for the new platform', () => {
    for (const { original, copy } of pairs) {
      expect(copy.title).not.toBe(original.title);
      expect(copy.description).not.toBe(original.description);
      const core = (title: string): string =>
        title
          .toLowerCase()
          .replace(/[^a-zà-ÿ]+/g, ' ')
          .replace(/\b(h f|f h)\b/g, '')
          .trim();
      expect(core(copy.title)).toContain(core(original.title).split(' ')[0]);
    }
    const ftLabels = pairs.map(({ copy }) => copy.contract.label);
    expect(ftLabels.some((label) => label.startsWith('Contrat à durée'))).toBe(true);
    expect(pairs.some(({ copy }) => copy.title === copy.title.toLocaleUpperCase('fr'))).toBe(true);
    expect(pairs.some(({ copy }) => !copy.description.includes('\n\n'))).toBe(true);
  });

  it('appears on the other platform within two days, never after the reference date', () => {
    for (const { original, copy } of pairs) {
      const delay = Date.parse(copy.publishedAt) - Date.parse(original.publishedAt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(2 * 86_400_000);
      expect(Date.parse(copy.publishedAt)).toBeLessThanOrEqual(REFERENCE.getTime());
    }
  });

  it('is deterministic', () => {
    const { original } = pairs[0];
    expect(crossPostedCopy(original, original.alsoOn[0], REFERENCE)).toEqual(
      crossPostedCopy(original, original.alsoOn[0], REFERENCE),
    );
  });

  it('refuses a copy on the same platform', () => {
    const { original } = pairs[0];
    expect(() => crossPostedCopy(original, { platform: original.platform, id: '1234567' }, REFERENCE)).toThrow();
  });
});
