import { PageTitle } from '../ui/ui';

export function OffersPage() {
  return <PageTitle title="OffersPage">OffersPage</PageTitle>;
}

export function OfferPage() {
  return <PageTitle title="OfferPage">OfferPage</PageTitle>;
}
