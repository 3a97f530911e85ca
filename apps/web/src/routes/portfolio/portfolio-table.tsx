import { Link } from 'react-router';
import type { PortfolioEntryResponse } from '../../api/types';
import { Badge, formatDate } from '../../ui/ui';

const ALERT_LABELS: Record<string, string> = {
  no_contact: 'Sans contact depuis 14 jours',
  cer_ending: 'CER bientôt terminé',
  behind_rhythm: 'En retard sur le rythme de contact',
};

/** « 1 sur 2 attendus (2 par 7 j) »: contacts held over the rhythm's period against what it asks for by today. */
function rhythmText(rhythm: NonNullable<PortfolioEntryResponse['rhythm']>): string {
  return `${rhythm.held} sur ${rhythm.expected} attendu${rhythm.expected > 1 ? 's' : ''} (${rhythm.contacts} par ${rhythm.periodDays} j)`;
}

/** The people of the portfolio, one row each (a card each on a phone), alerts highlighted. */
export function PortfolioTable({ items }: { items: PortfolioEntryResponse[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table responsive">
        <caption className="visually-hidden">Personnes du portefeuille</caption>
        <thead>
          <tr>
            <th scope="col">Personne</th>
            <th scope="col">Alertes</th>
            <th scope="col">Dernier contact</th>
            <th scope="col">Rythme de contact</th>
            <th scope="col">Étape</th>
            <th scope="col">Fin du CER</th>
            <th scope="col">Freins ouverts</th>
            <th scope="col">Offres proposées</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.alerts.length > 0 ? 'row-alert' : undefined}>
              <th scope="row">
                <Link to={`/personnes/${item.id}`}>
                  {item.firstName} {item.lastName}
                </Link>
                <span className="muted"> {item.communeName}</span>
              </th>
              <td data-label="Alertes">
                {item.alerts.length === 0
                  ? '—'
                  : item.alerts.map((alert) => (
                      <Badge key={alert} tone="warning">
                        {ALERT_LABELS[alert] ?? alert}
                      </Badge>
                    ))}
              </td>
              <td data-label="Dernier contact">
                {item.daysSinceLastContact === null
                  ? 'Jamais'
                  : `il y a ${item.daysSinceLastContact} j (${formatDate(item.lastContactOn)})`}
              </td>
              <td data-label="Rythme de contact">{item.rhythm ? rhythmText(item.rhythm) : '—'}</td>
              <td data-label="Étape">{item.stage}</td>
              <td data-label="Fin du CER">{formatDate(item.cerEndDate)}</td>
              <td data-label="Freins ouverts">{item.openBarriers}</td>
              <td data-label="Offres proposées">{item.proposedOffers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
