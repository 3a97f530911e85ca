/**
 * What normalisation needs from the referential (communes, ROME). The referential lib's in-memory
 * index provides it; tests may pass a small stub. Synchronous: at 1,000 offers/s, no query per offer.
 */
export interface ResolvedCommune {
  readonly inseeCode: string;
  readonly name: string;
  readonly postalCode: string;
  readonly departement: string;
  /** Null for the few communes the reference data has no coordinates for. */
  readonly lat: number | null;
  readonly lng: number | null;
}

export interface InferredOccupation {
  readonly codeRome: string;
  readonly label: string;
  readonly appellationLabel?: string;
}

export interface OfferLookups {
  resolveCommune(query: { inseeCode?: string; postalCode?: string; name?: string }): ResolvedCommune | null;
  occupation(codeRome: string): { readonly code: string; readonly label: string } | null;
  inferOccupation(text: string): InferredOccupation | null;
}
