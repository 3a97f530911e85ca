/**
 * One offer as the search index holds it: flattened, only what search, filters, re-scoring and result
 * lists read (the description, salary, hours and qualities stay in Postgres: a field in every document
 * that no one reads is paid at every indexing). Derived from Postgres, always rebuildable.
 */
export interface OfferDocument {
  readonly id: string;
  readonly title: string;
  readonly employerName: string | null;
  readonly romeCode: string | null;
  readonly romeLabel: string | null;
  readonly skills: readonly string[];
  readonly contractType: string;
  readonly workingTime: string;
  readonly drivingLicences: readonly string[];
  /** Commune, postal code and `_geo` only for an offer placed at a commune. */
  readonly communeName: string | null;
  readonly postalCode: string | null;
  readonly departement: string | null;
  readonly region: string | null;
  /** `commune`, `departement`, `region` or `country`: how precisely the offer places the job. */
  readonly placePrecision: string;
  /** `Lille (59000)`, `Pas-de-Calais (62)`, `Hauts-de-France`, `France`. */
  readonly placeLabel: string;
  readonly _geo?: { readonly lat: number; readonly lng: number };
  /** Seconds since the epoch: Meilisearch filters and sorts numbers, not dates. */
  readonly publishedAt: number | null;
  readonly source: string;
  /** Night, week-end or shifted hours announced by the text: people's constraints exclude them. */
  readonly schedule: readonly string[];
  /** The offer's content hash: reconciliation finds index entries older than Postgres. */
  readonly stamp: string;
  /** ROME skill ids: the occupation's and those the text names; core ones are what the job needs. */
  readonly skillIds: readonly string[];
  readonly coreSkillIds: readonly string[];
  /** The skills the offer's description asks for (read from its text): shown in explanations. */
  readonly textSkillIds: readonly string[];
  /**
   * When the occupation was read from the text (no code from the source): the next likeliest
   * readings, with their weight relative to the first (romeCode). Empty for a coded offer.
   */
  readonly otherOccupations: ReadonlyArray<OccupationReading>;
  /** The offer in the skill space (null: no known skill), for Meilisearch's `userProvided` embedder. */
  readonly _vectors: { readonly skills: readonly number[] | null };
}

export interface OccupationReading {
  readonly romeCode: string;
  readonly romeLabel: string;
  readonly weight: number;
}

export function epochSeconds(date: Date | null): number | null {
  return date ? Math.floor(date.getTime() / 1000) : null;
}

/** Documents as Meilisearch's NDJSON body (`application/x-ndjson`): one document a line. */
export function offerDocumentsNdjson(documents: readonly OfferDocument[]): string {
  return documents.map((document) => JSON.stringify(document)).join('\n');
}
