import type { CandidateCardResponse } from '../../api/types';
import { TagList } from '../../ui/forms';
import { formatDate } from '../../ui/ui';

function years(months: number): string {
  if (months < 12) return `${months} mois`;
  const count = Math.round(months / 12);
  return `${count} an${count > 1 ? 's' : ''}`;
}

/** Exactly the fields of the employer's page (libs/mediation/src/domain/card-page.ts), nothing else. */
export function CardPreview({ card }: { card: CandidateCardResponse }) {
  const mobility = [
    card.mobility.drivingLicence ? 'permis B' : 'sans permis',
    card.mobility.vehicle ? 'véhiculé·e' : null,
    `jusqu’à ${card.mobility.maxDistanceKm} km`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <p style={{ fontSize: '1.4rem', fontWeight: 700, margin: '0 0 0.2rem' }}>{card.firstName}</p>
      <p style={{ marginTop: 0 }}>{card.headline}</p>
      <h4>Savoir-faire</h4>
      <TagList items={card.skills} label="Savoir-faire" />
      <h4>Qualités</h4>
      <TagList items={card.qualities} label="Qualités" />
      {card.note && (
        <>
          <h4>Le mot du conseiller</h4>
          <p style={{ whiteSpace: 'pre-line' }}>{card.note}</p>
        </>
      )}
      <h4>Expériences</h4>
      {card.experiences.length === 0 ? (
        <p className="muted">Aucune.</p>
      ) : (
        <ul>
          {card.experiences.map((experience, index) => (
            <li key={`${experience.label}-${index}`}>
              {experience.label} ({years(experience.months)})
            </li>
          ))}
        </ul>
      )}
      <h4>Disponibilité et mobilité</h4>
      <p>
        {card.availability ? `Disponible à partir du ${formatDate(card.availability)}` : 'Disponible rapidement'} ;{' '}
        {mobility}.
      </p>
      {card.languages.length > 0 && (
        <>
          <h4>Langues</h4>
          <TagList items={card.languages} label="Langues" />
        </>
      )}
    </>
  );
}
