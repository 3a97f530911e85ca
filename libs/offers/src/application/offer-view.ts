import type { OfferEntity } from '../infrastructure/offer.entity.js';

/** An offer as use cases return it. */
export type OfferView = Omit<OfferEntity, 'payloadHash' | 'postedBy'> & {
  /** Copies of this offer on other sources (when it is canonical). */
  readonly copies?: ReadonlyArray<{ readonly id: string; readonly source: string; readonly url: string | null }>;
};

export function toOfferView(entity: OfferEntity): OfferView {
  const { payloadHash: _payload, postedBy: _postedBy, ...view } = entity;
  return view;
}
