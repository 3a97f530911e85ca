import type { OfferResponse } from '../../api/types';
import { Link } from 'react-router';
import { formatDate } from '../../ui/ui';

/** Where the offer was found, when, and the same offer published elsewhere. */
export function OfferOrigin({ offer }: { offer: OfferResponse }) {
  return (
    <section className="card" aria-labelledby="offer-sources">
      <h2 id="offer-sources" style={{ marginTop: 0 }}>
        Sources et doublons
      </h2>
      <p>
        Source : <strong>{offer.source}</strong>
        {offer.url && (
          <>
            {' '}
            —{' '}
            <a href={offer.url} target="_blank" rel="noreferrer noopener">
              voir l’annonce d’origine<span className="visually-hidden"> (nouvelle fenêtre)</span>
            </a>
          </>
        )}
        . Vue pour la première fois le {formatDate(offer.firstSeenAt)}, dernière fois le {formatDate(offer.lastSeenAt)}.
      </p>
      {offer.duplicateOf && (
        <p>
          Cette annonce est une copie d’une <Link to={`/offres/${offer.duplicateOf}`}>offre publiée ailleurs</Link>.
        </p>
      )}
      {offer.copies && offer.copies.length > 0 ? (
        <>
          <p>La même offre est aussi publiée sur :</p>
          <ul>
            {offer.copies.map((copy) => (
              <li key={copy.id}>
                <Link to={`/offres/${copy.id}`}>{copy.source}</Link>
                {copy.url && (
                  <>
                    {' '}
                    (
                    <a href={copy.url} target="_blank" rel="noreferrer noopener">
                      annonce sur {copy.source}
                      <span className="visually-hidden"> (nouvelle fenêtre)</span>
                    </a>
                    )
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Aucune copie sur une autre source.</p>
      )}
    </section>
  );
}
