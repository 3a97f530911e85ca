/**
 * What normalisation needs from the referential (communes, ROME). The referential lib's in-memory
 * index provides it; tests may pass a small stub. Synchronous: at 1,000 offers/s, no query per offer.
 */
export interface ResolvedCommune {
  readonly inseeCode: string;
  readonly name: string;
  readonly postalCode: string;
  readonly departement: string;
  readonly region: string;
  /** Null for the few communes the reference data has no coordinates for. */
  readonly lat: number | null;
  readonly lng: number | null;
}

/** A place wider than a commune: a département, a region, the whole country, or abroad. */
export interface ResolvedArea {
  readonly precision: 'departement' | 'region' | 'country' | 'abroad';
  readonly departement: string | null;
  readonly region: string | null;
  /** What a person reads: `Pas-de-Calais (62)`, `Nouvelle-Aquitaine`, `France`. */
  readonly label: string;
}

export interface InferredOccupation {
  readonly codeRome: string;
  readonly label: string;
  readonly appellationLabel?: string;
  /** The next likeliest occupations, weights relative to this one's (1); see Offer.rome. */
  readonly otherReadings?: ReadonlyArray<OccupationReading>;
  /** Set by a reader that weighs in the stored coded offers (see Offer.rome.readFrom). */
  readonly readFrom?: 'referential' | 'coded-offers';
  readonly similarOffers?: number;
  readonly agreeing?: number;
}

export interface OccupationReading {
  readonly codeRome: string;
  readonly label: string;
  readonly weight: number;
}

export interface OfferLookups {
  resolveCommune(query: { inseeCode?: string; postalCode?: string; name?: string }): ResolvedCommune | null;
  /** The area a place text names when it names no commune (`62 - Pas-de-Calais`, `France`). */
  resolveArea(text: string): ResolvedArea | null;
  /** A place outside France (`Principauté de Monaco`), or null. */
  resolveAbroad(text: string): ResolvedArea | null;
  occupation(codeRome: string): { readonly code: string; readonly label: string } | null;
  inferOccupation(text: string): InferredOccupation | null;
  /**
   * The occupation from the title and the description together (ambiguous titles decided by the
   * text; a title naming nothing known read from the text). Optional: lookups without it fall back
   * to the title alone.
   */
  classifyOccupation?(title: string, description: string | null): InferredOccupation | null;
  /**
   * ROME skill codes a description asks for, the occupation's own looked for more closely, at most
   * `limit`. Optional: lookups without it leave `textSkills` unset.
   */
  extractSkills?(text: string, codeRome: string | null, limit: number): string[];
}

/** Skills read from one offer's description, at most. */
export const TEXT_SKILLS = 12;
