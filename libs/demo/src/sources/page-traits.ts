import type { DemoCatalog } from '../catalog/demo-catalog.js';
import { hash32 } from '../generator/prng.js';

/** About half the Nordemploi detail pages embed schema.org JobPosting JSON-LD, like real boards. */
export function nordemploiHasJsonLd(seed: number, id: string): boolean {
  return hash32('json-ld', seed, id) % 2 === 0;
}

/**
 * About a quarter of Job Connexion detail pages come from its legacy back office, which still writes
 * windows-1252 (declared in the Content-Type header).
 */
export function jobConnexionIsLegacyPage(seed: number, id: string): boolean {
  return hash32('windows-1252', seed, id) % 4 === 0;
}

export interface BuiltInFaults {
  readonly nordemploi: {
    readonly malformed: readonly string[];
    readonly missingTitle: readonly string[];
    readonly notFound: readonly string[];
  };
  readonly jobConnexion: {
    readonly windows1252Header: readonly string[];
    readonly windows1252MetaOnly: readonly string[];
    readonly windows1252ListingOffsets: readonly number[];
  };
}

/**
 * The faults every demo run has, fixed by the seed: three broken Nordemploi pages near the top of the
 * listing (first page), and Job Connexion's windows-1252 pages. Broken pages are picked among
 * Nordemploi's own offers that have no JSON-LD and no duplicate, so their outcome is unambiguous.
 */
export function builtInFaults(
  catalog: DemoCatalog,
  options: { readonly brokenPages: boolean; readonly jobConnexionPageSize: number },
): BuiltInFaults {
  const seed = catalog.options.seed;
  const duplicated = new Set(catalog.duplicates().flatMap((pair) => [pair.original.id, pair.copy.id]));
  const candidates = catalog
    .entries('nordemploi')
    .filter((entry) => entry.origin.platform === 'nordemploi')
    .filter((entry) => !duplicated.has(entry.id) && !nordemploiHasJsonLd(seed, entry.id))
    .map((entry) => entry.id);
  const at = (position: number): string[] => {
    const id = candidates[position];
    return options.brokenPages && id !== undefined ? [id] : [];
  };

  const jobConnexion = catalog.entries('job-connexion');
  const header = jobConnexion.filter((entry) => jobConnexionIsLegacyPage(seed, entry.id)).map((entry) => entry.id);
  const metaOnly = jobConnexion.find((entry, position) => position >= 1 && !jobConnexionIsLegacyPage(seed, entry.id));
  return {
    nordemploi: { malformed: at(2), missingTitle: at(5), notFound: at(8) },
    jobConnexion: {
      windows1252Header: header,
      windows1252MetaOnly: metaOnly ? [metaOnly.id] : [],
      windows1252ListingOffsets:
        jobConnexion.length > options.jobConnexionPageSize ? [options.jobConnexionPageSize] : [],
    },
  };
}
