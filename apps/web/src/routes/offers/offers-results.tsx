import { Link } from 'react-router';
import type { OfferPageResponse } from '../../api/types';
import type { ApiData } from '../../api/use-api-data';
import { contractText } from '../../features/offers/offer-text';
import { Scroll } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, Loading } from '../../ui/ui';
import { type OffersSearch, PAGE_SIZE } from './use-offers-data';

/** The offers found, a page of 50 at a time, with their count. */
export function OffersResults({
  offers,
  applied,
  onPage,
}: {
  offers: ApiData<OfferPageResponse>;
  applied: OffersSearch;
  onPage: (offset: number) => void;
}) {
  const { data: page, error } = offers;
  const shown = page?.items ?? [];
  const total = page?.total ?? 0;
  const keywords = applied.words.trim();
  return (
    <section aria-labelledby="offers-results">
      <h2 id="offers-results">Résultats</h2>
      {error && <Alert>{error}</Alert>}
      {!page && !error && <Loading what="des offres" />}
      {page && (
        <>
          <p className="summary" role="status">
            {total} offre{total > 1 ? 's' : ''} trouvée{total > 1 ? 's' : ''}
            {total > 0 && ` ; offres ${applied.offset + 1} à ${Math.min(applied.offset + PAGE_SIZE, total)}`}
            {keywords && ` pour « ${keywords} »`}.
          </p>
          {shown.length > 0 && (
            <Scroll label="Liste des offres">
              <table className="data-table">
                <caption className="visually-hidden">Offres trouvées</caption>
                <thead>
                  <tr>
                    <th scope="col">Offre</th>
                    <th scope="col">Employeur</th>
                    <th scope="col">Commune</th>
                    <th scope="col">Contrat</th>
                    <th scope="col">Publiée le</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((offer) => (
                    <tr key={offer.id}>
                      <th scope="row">
                        <Link to={`/offres/${offer.id}`}>{offer.title}</Link>
                        {offer.status === 'closed' && (
                          <>
                            {' '}
                            <Badge tone={offer.closedReason === 'filled' ? 'success' : 'danger'}>
                              {offer.closedReason === 'filled' ? 'Pourvue' : 'Fermée'}
                            </Badge>
                          </>
                        )}
                      </th>
                      <td>{offer.employerName ?? <span className="muted">Non communiqué</span>}</td>
                      <td>{offer.placeLabel}</td>
                      <td>{contractText(offer)}</td>
                      <td>{formatDate(offer.publishedAt ?? offer.firstSeenAt)}</td>
                      <td>{offer.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
          {shown.length === 0 && <p>Aucune offre ne correspond à la recherche.</p>}
          {total > PAGE_SIZE && (
            <nav aria-label="Pages de résultats" className="actions">
              <Button
                variant="secondary"
                isDisabled={applied.offset === 0}
                onPress={() => onPage(Math.max(0, applied.offset - PAGE_SIZE))}
              >
                Offres précédentes
              </Button>
              <Button
                variant="secondary"
                isDisabled={applied.offset + PAGE_SIZE >= total}
                onPress={() => onPage(applied.offset + PAGE_SIZE)}
              >
                Offres suivantes
              </Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
