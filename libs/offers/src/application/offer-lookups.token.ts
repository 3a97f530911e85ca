/**
 * Injection token of `() => Promise<OfferLookups>`: the referential, loaded once and kept in memory.
 * Provided by the composition (OffersModule.forRoot wiring the referential lib's index).
 */
export const OFFER_LOOKUPS = Symbol('OFFER_LOOKUPS');
