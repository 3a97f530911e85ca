import type { OfferResponse } from '../../api/types';
import { CONTRACT_LABELS } from '../../ui/labels';

/** « CDD — 6 mois »: the contract of an offer, with its length when it has one. */
export function contractText(offer: Pick<OfferResponse, 'contractType' | 'contractDurationMonths'>): string {
  const label = CONTRACT_LABELS[offer.contractType] ?? offer.contractType;
  return offer.contractDurationMonths ? `${label} — ${offer.contractDurationMonths} mois` : label;
}

/** Why an offer was closed. */
export const CLOSED_REASONS: Record<string, string> = {
  disappeared: 'retirée de la source',
  expired: 'expirée',
  manual: 'fermée à la main',
  filled: 'pourvue',
};
