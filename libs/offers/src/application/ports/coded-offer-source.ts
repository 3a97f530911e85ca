import type { CodedOffer } from '@passerelle/referential';

/**
 * The stored offers whose source gave their ROME code (`rome_inferred` false: France Travail's
 * offers, a board that codes its offers, an employer who picked the occupation), newest first,
 * duplicates left out: what the occupation reader learns from.
 */
export abstract class CodedOfferSource {
  abstract newest(limit: number): AsyncIterable<CodedOffer>;
}
