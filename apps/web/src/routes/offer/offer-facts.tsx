import type { OfferResponse } from '../../api/types';
import { CLOSED_REASONS, contractText } from '../../features/offers/offer-text';
import { TagList } from '../../ui/forms';
import { WORKING_TIME_LABELS } from '../../ui/labels';
import { formatDate } from '../../ui/ui';

/** What the place of an offer tells, beside its label. */
const PLACE_PRECISION_NOTES: Record<string, string> = {
  commune: 'commune précise',
  departement: 'l’offre ne précise que le département',
  region: 'l’offre ne précise que la région',
  country: 'offre nationale : le lieu n’est pas précisé',
  abroad: 'à l’étranger',
};

const SALARY_PERIODS: Record<string, string> = { hour: 'de l’heure', month: 'par mois', year: 'par an' };

/** The source's own words when it gave some, else the range the parser read. */
function salaryText(offer: OfferResponse): string {
  if (offer.salaryText) return offer.salaryText;
  if (offer.salaryMin !== null && offer.salaryPeriod) {
    const euros = (value: number) =>
      value.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });
    const range =
      offer.salaryMax !== null && offer.salaryMax !== offer.salaryMin
        ? `${euros(offer.salaryMin)} à ${euros(offer.salaryMax)}`
        : euros(offer.salaryMin);
    return `${range} ${SALARY_PERIODS[offer.salaryPeriod] ?? ''}`.trim();
  }
  return 'Non précisé';
}

/** What the offer asks: contract, hours, pay, occupation, experience, licence, place, dates; its skills. */
export function OfferFacts({ offer }: { offer: OfferResponse }) {
  return (
    <div className="grid">
      <section className="card" aria-labelledby="offer-facts">
        <h2 id="offer-facts" style={{ marginTop: 0 }}>
          L’essentiel
        </h2>
        <dl className="facts">
          <dt>Contrat</dt>
          <dd>{contractText(offer)}</dd>
          <dt>Temps de travail</dt>
          <dd>
            {WORKING_TIME_LABELS[offer.workingTime] ?? offer.workingTime}
            {offer.weeklyHours !== null && ` — ${offer.weeklyHours} h par semaine`}
          </dd>
          <dt>Salaire</dt>
          <dd>{salaryText(offer)}</dd>
          <dt>Métier</dt>
          <dd>
            {offer.romeCode ? `${offer.romeLabel ?? ''} (${offer.romeCode})` : 'Non identifié'}
            {offer.romeCode && offer.romeInferred && <span className="muted"> — déduit de l’intitulé</span>}
          </dd>
          <dt>Expérience</dt>
          <dd>
            {offer.experienceText ??
              (offer.experienceMonths !== null ? `${offer.experienceMonths} mois` : 'Non précisée')}
          </dd>
          <dt>Permis</dt>
          <dd>{offer.drivingLicences.length > 0 ? offer.drivingLicences.join(', ') : 'Non demandé'}</dd>
          <dt>Lieu</dt>
          <dd>
            {offer.placeLabel} <span className="muted">— {PLACE_PRECISION_NOTES[offer.placePrecision]}</span>
          </dd>
          <dt>Publiée le</dt>
          <dd>{formatDate(offer.publishedAt ?? offer.firstSeenAt)}</dd>
          <dt>Expire le</dt>
          <dd>{formatDate(offer.expiresAt)}</dd>
          {offer.status === 'closed' && (
            <>
              <dt>Fermée le</dt>
              <dd>
                {formatDate(offer.closedAt)}
                {offer.closedReason && ` (${CLOSED_REASONS[offer.closedReason] ?? offer.closedReason})`}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="offer-skills">
        <h2 id="offer-skills" style={{ marginTop: 0 }}>
          Compétences et qualités
        </h2>
        <h3>Compétences</h3>
        <TagList items={offer.skills} label="Compétences demandées" />
        <h3>Qualités</h3>
        <TagList items={offer.qualities} label="Qualités demandées" />
        {offer.requirements.length > 0 && (
          <>
            <h3>Autres exigences</h3>
            <ul>
              {offer.requirements.map((requirement) => (
                <li key={requirement}>{requirement}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
