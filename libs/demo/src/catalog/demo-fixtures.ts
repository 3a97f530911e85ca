import { nordemploiHasJsonLd, type BuiltInFaults } from '../sources/page-traits.js';
import type { DemoCatalog, DemoDuplicate } from './demo-catalog.js';

/**
 * The facts an end-to-end test can assert exactly, as the servers start (before any injected fault).
 * Expected offer contents come from `catalog.offer(id)`.
 */
export interface DemoFixtures {
  readonly seed: number;
  /** ISO 8601: offers are published within the 30 days before it. */
  readonly referenceDate: string;
  readonly nordemploi: {
    /** Offers listed, copies of France Travail offers included. */
    readonly total: number;
    readonly pageSize: number;
    readonly pageCount: number;
    /** Every listed id, in listing order (newest first). */
    readonly ids: readonly string[];
    /** Pages embedding schema.org JobPosting JSON-LD, and pages without it. */
    readonly withJsonLd: readonly string[];
    readonly withoutJsonLd: readonly string[];
    /** Listed, served 200, cut off inside the description (title, employer and summary intact). */
    readonly malformed: readonly string[];
    /** Listed, served 200 without the offer's title (no JSON-LD either). */
    readonly missingTitle: readonly string[];
    /** Listed, but the page answers 404. */
    readonly notFound: readonly string[];
    /** Listed and served whole: every id except the three kinds of broken page above. */
    readonly wellFormed: readonly string[];
  };
  readonly jobConnexion: {
    readonly total: number;
    readonly pageSize: number;
    readonly pageCount: number;
    readonly ids: readonly string[];
    readonly windows1252: {
      /** Detail pages in windows-1252, `Content-Type: text/html; charset=windows-1252`. */
      readonly declaredInHeader: readonly string[];
      /** Detail pages in windows-1252 whose Content-Type has no charset: only `<meta charset>` says it. */
      readonly declaredInMetaOnly: readonly string[];
      /** `?offset=` values of listing pages served in windows-1252 (declared in the header). */
      readonly listingOffsets: readonly number[];
    };
  };
  readonly franceTravail: {
    readonly total: number;
    /** Every id, in search order (newest first). */
    readonly ids: readonly string[];
    readonly byDepartement: Readonly<Record<string, number>>;
    readonly byRomeCode: Readonly<Record<string, number>>;
  };
  /** Every cross-posted pair: `original` on its own platform, `copy` on the other one. */
  readonly duplicates: readonly DemoDuplicate[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export function buildDemoFixtures(
  catalog: DemoCatalog,
  faults: BuiltInFaults,
  pageSizes: { readonly nordemploi: number; readonly jobConnexion: number },
): DemoFixtures {
  const seed = catalog.options.seed;
  const nordemploiIds = catalog.entries('nordemploi').map((entry) => entry.id);
  const broken = new Set([
    ...faults.nordemploi.malformed,
    ...faults.nordemploi.missingTitle,
    ...faults.nordemploi.notFound,
  ]);
  const noJsonLd = new Set([...faults.nordemploi.malformed, ...faults.nordemploi.missingTitle]);
  const jobConnexionIds = catalog.entries('job-connexion').map((entry) => entry.id);
  const franceTravail = catalog.entries('france-travail');
  return {
    seed,
    referenceDate: catalog.options.referenceDate.toISOString(),
    nordemploi: {
      total: nordemploiIds.length,
      pageSize: pageSizes.nordemploi,
      pageCount: Math.ceil(nordemploiIds.length / pageSizes.nordemploi),
      ids: nordemploiIds,
      withJsonLd: nordemploiIds.filter(
        (id) => nordemploiHasJsonLd(seed, id) && !noJsonLd.has(id) && !faults.nordemploi.notFound.includes(id),
      ),
      withoutJsonLd: nordemploiIds.filter(
        (id) => (!nordemploiHasJsonLd(seed, id) || noJsonLd.has(id)) && !faults.nordemploi.notFound.includes(id),
      ),
      malformed: faults.nordemploi.malformed,
      missingTitle: faults.nordemploi.missingTitle,
      notFound: faults.nordemploi.notFound,
      wellFormed: nordemploiIds.filter((id) => !broken.has(id)),
    },
    jobConnexion: {
      total: jobConnexionIds.length,
      pageSize: pageSizes.jobConnexion,
      pageCount: Math.ceil(jobConnexionIds.length / pageSizes.jobConnexion),
      ids: jobConnexionIds,
      windows1252: {
        declaredInHeader: faults.jobConnexion.windows1252Header,
        declaredInMetaOnly: faults.jobConnexion.windows1252MetaOnly,
        listingOffsets: faults.jobConnexion.windows1252ListingOffsets,
      },
    },
    franceTravail: {
      total: franceTravail.length,
      ids: franceTravail.map((entry) => entry.id),
      byDepartement: countBy(franceTravail, (entry) => entry.departement),
      byRomeCode: countBy(franceTravail, (entry) => entry.romeCode),
    },
    duplicates: catalog.duplicates(),
  };
}
