import { offersError } from '../domain/offers-errors.js';
import type { StoredOffer } from './ports/offer-reader.js';

/** An offer as use cases return it. */
export type OfferView = Omit<StoredOffer, 'payloadHash' | 'postedBy'> & {
  /** Copies of this offer on other sources (when it is canonical). */
  readonly copies?: ReadonlyArray<{ readonly id: string; readonly source: string; readonly url: string | null }>;
};

export function toOfferView(entity: StoredOffer): OfferView {
  const { payloadHash: _payload, postedBy: _postedBy, ...view } = entity;
  return view;
}

/** The offer just written, read back to answer with what is stored. */
export async function storedOffer(read: Promise<StoredOffer | null>): Promise<StoredOffer> {
  const offer = await read;
  if (!offer) throw offersError('offer.not_found', 'no such offer');
  return offer;
}
