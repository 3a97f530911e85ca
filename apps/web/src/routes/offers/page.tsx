import { useSearchParams } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { PageTitle } from '../../ui/ui';
import { OffersResults } from './offers-results';
import { PostOfferSection } from './post-offer-section';
import { SearchForm } from './search-form';
import { SourcesSection } from './sources-section';
import { readSearch, useOffersData } from './use-offers-data';

/** Offer search (filters the API supports, words filtered on the page), manual posting and sources for staff. */
export function OffersPage() {
  const { user } = useAuth();
  const staff = hasRole(user, 'platform_staff');
  const [params, setParams] = useSearchParams();
  const applied = readSearch(params);
  const offers = useOffersData(applied);

  const goTo = (offset: number) => {
    const next = new URLSearchParams(params);
    if (offset > 0) next.set('debut', String(offset));
    else next.delete('debut');
    setParams(next);
  };

  return (
    <>
      <PageTitle title="Offres d’emploi">Offres d’emploi</PageTitle>
      <SearchForm applied={applied} onSearch={setParams} />
      <OffersResults offers={offers} applied={applied} onPage={goTo} />
      {/* After a posting the list is read again and the new offer comes first. */}
      {staff && <PostOfferSection onPosted={offers.reload} />}
      {staff && <SourcesSection />}
    </>
  );
}
