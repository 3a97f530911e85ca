import { describe, expect, it } from '@jest/globals';
import { builtInFaults } from '../sources/page-traits.js';
import { DemoCatalog } from './demo-catalog.js';
import { buildDemoFixtures } from './demo-fixtures.js';

const catalog = new DemoCatalog({
  seed: 2026,
  referenceDate: new Date('2026-11-20T00:00:00.000Z'),
  crossPostRate: 0.05,
  counts: { nordemploi: 150, 'job-connexion': 120, 'france-travail': 300 },
  franceTravailRegion: 'mixed',
});

describe('demo catalog', () => {
  it('lists each platform newest first, its own offers plus the copies cross-posted to it', () => {
    for (const platform of ['nordemploi', 'job-connexion', 'france-travail'] as const) {
      const entries = catalog.entries(platform);
      for (let i = 1; i < entries.length; i += 1) {
        expect(entries[i - 1].publishedMs).toBeGreaterThanOrEqual(entries[i].publishedMs);
      }
      expect(entries.every((entry) => entry.platform === platform)).toBe(true);
    }
    const copies = catalog.duplicates();
    expect(catalog.entries('nordemploi').length).toBe(
      150 + copies.filter((pair) => pair.copy.platform === 'nordemploi').length,
    );
    expect(catalog.entries('france-travail').length).toBe(
      300 + copies.filter((pair) => pair.copy.platform === 'france-travail').length,
    );
  });

  it('finds any offer by id, originals and copies, and nothing else', () => {
    for (const entry of catalog.entries('france-travail').slice(0, 20))
      expect(catalog.offer(entry.id)?.id).toBe(entry.id);
    for (const { original, copy } of catalog.duplicates()) {
      const offer = catalog.offer(copy.id);
      expect(offer?.platform).toBe(copy.platform);
      expect(offer?.duplicateOf).toEqual(original);
      expect(catalog.offer(original.id)?.alsoOn).toEqual([copy]);
      expect(catalog.isNative(copy.id)).toBe(false);
    }
    expect(catalog.offer('9999999')).toBeUndefined();
    expect(catalog.offer('nope')).toBeUndefined();
  });

  it('serves the same offer again from its cache', () => {
    const id = catalog.entries('nordemploi')[0].id;
    expect(catalog.offer(id)).toBe(catalog.offer(id));
  });

  it('picks broken pages among plain Nordemploi offers near the top, and lists them in the fixtures', () => {
    const faults = builtInFaults(catalog, { brokenPages: true, jobConnexionPageSize: 24 });
    const fixtures = buildDemoFixtures(catalog, faults, { nordemploi: 20, jobConnexion: 24 });
    const broken = [
      ...fixtures.nordemploi.malformed,
      ...fixtures.nordemploi.missingTitle,
      ...fixtures.nordemploi.notFound,
    ];
    expect(broken).toHaveLength(3);
    for (const id of broken) {
      expect(fixtures.nordemploi.ids.indexOf(id)).toBeLessThan(20 * 2);
      expect(fixtures.nordemploi.withJsonLd).not.toContain(id);
      expect(fixtures.nordemploi.wellFormed).not.toContain(id);
    }
    expect(fixtures.nordemploi.wellFormed.length + 3).toBe(fixtures.nordemploi.total);
    expect(fixtures.nordemploi.withJsonLd.length).toBeGreaterThan(40);
    expect(fixtures.jobConnexion.windows1252.declaredInHeader.length).toBeGreaterThan(10);
    expect(fixtures.jobConnexion.windows1252.declaredInMetaOnly).toHaveLength(1);
    expect(fixtures.franceTravail.byDepartement).toEqual(
      expect.objectContaining({
        '59': expect.any(Number),
        '62': expect.any(Number),
        '67': expect.any(Number),
        '68': expect.any(Number),
      }),
    );
    const none = builtInFaults(catalog, { brokenPages: false, jobConnexionPageSize: 24 });
    expect(none.nordemploi.malformed).toEqual([]);
  });

  it('holds 100,000 France Travail offers and generates each on demand', () => {
    const big = new DemoCatalog({
      seed: 1,
      referenceDate: new Date('2026-11-20T00:00:00.000Z'),
      crossPostRate: 0.05,
      counts: { nordemploi: 0, 'job-connexion': 0, 'france-travail': 100_000 },
      franceTravailRegion: 'mixed',
    });
    expect(big.entries('france-travail')).toHaveLength(100_000);
    const last = big.entries('france-travail').at(-1)!;
    expect(big.offer(last.id)?.id).toBe(last.id);
  });
});
