import { Link, useParams } from 'react-router';
import { hasRole, useAuth } from '../../auth/auth';
import { contractText } from '../../features/offers/offer-text';
import { Alert, Badge, Loading, PageTitle } from '../../ui/ui';
import { CandidatesSection } from './candidates-section';
import { OfferFacts } from './offer-facts';
import { OfferOrigin } from './offer-origin';
import { ShortlistSection } from './shortlist-section';
import { OfferStaffActions } from './staff-actions';
import { useOfferData } from './use-offer-data';

/** One offer: what it asks, where it comes from and its copies; for staff and coaches, the ranked candidates. */
export function OfferPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { data: offer, error, setData: setOffer } = useOfferData(id);

  if (error)
    return (
      <>
        <PageTitle title="Offre">Offre</PageTitle>
        <Alert>{error}</Alert>
        <p>
          <Link to="/offres">Retour aux offres</Link>
        </p>
      </>
    );
  if (!offer)
    return (
      <>
        <PageTitle title="Offre">Offre</PageTitle>
        <Loading what="de l’offre" />
      </>
    );

  const mayRank = hasRole(user, 'platform_staff', 'coach', 'manager');
  const staff = hasRole(user, 'platform_staff');
  const mayShortlist = hasRole(user, 'platform_staff', 'coach');
  return (
    <>
      <p>
        <Link to="/offres">← Retour aux offres</Link>
      </p>
      <PageTitle title={offer.title}>{offer.title}</PageTitle>
      <p className="summary">
        {offer.employerName ?? 'Employeur non communiqué'} · {offer.placeLabel} · {contractText(offer)}{' '}
        {offer.status === 'closed' ? (
          <Badge tone={offer.closedReason === 'filled' ? 'success' : 'danger'}>
            {offer.closedReason === 'filled' ? 'Offre pourvue' : 'Offre fermée'}
          </Badge>
        ) : (
          <Badge tone="success">Offre ouverte</Badge>
        )}
      </p>
      <OfferFacts offer={offer} />

      {staff && <OfferStaffActions offer={offer} onChanged={setOffer} />}

      <section className="card" aria-labelledby="offer-description">
        <h2 id="offer-description" style={{ marginTop: 0 }}>
          Description
        </h2>
        <p style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{offer.description}</p>
      </section>

      <OfferOrigin offer={offer} />

      {mayShortlist && offer.status === 'open' && <ShortlistSection offerId={offer.id} />}
      {mayRank && offer.status === 'open' && <CandidatesSection offerId={offer.id} />}
      {mayRank && offer.status === 'closed' && (
        <section aria-labelledby="offer-candidates">
          <h2 id="offer-candidates">Candidats pour cette offre</h2>
          <p>L’offre est fermée : la recherche de candidats n’est plus possible.</p>
        </section>
      )}
    </>
  );
}
