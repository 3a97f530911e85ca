import { useMemo, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { Choice, searchable } from '../../ui/forms';
import { Alert, Badge, formatDate, Loading, PageTitle } from '../../ui/ui';
import { type Sort, SORTS, usePortfolioData } from './use-portfolio-data';

const ALERT_LABELS: Record<string, string> = {
  no_contact: 'Sans contact depuis 14 jours',
  cer_ending: 'CER bientôt terminé',
};

/** The coach's portfolio: each person with contact, CER, stage, barriers and proposals; alerts first. */
export function PortfolioPage() {
  const [sort, setSort] = useState<Sort>('alerts');
  const [search, setSearch] = useState('');
  const { data: items, error } = usePortfolioData(sort);
  const shown = useMemo(() => {
    // Accents and case aside: « leila » finds « Leïla », « helene » finds « Hélène ».
    const needle = searchable(search);
    return (items ?? []).filter((item) =>
      searchable(`${item.firstName ?? ''} ${item.lastName ?? ''} ${item.communeName ?? ''}`).includes(needle),
    );
  }, [items, search]);
  const alerts = (items ?? []).filter((item) => item.alerts.length > 0).length;

  return (
    <>
      <PageTitle title="Portefeuille">Mon portefeuille</PageTitle>
      {error && <Alert>{error}</Alert>}
      <div className="toolbar">
        <TextField value={search} onChange={setSearch} className="field">
          <Label>Rechercher une personne</Label>
          <Input placeholder="Nom, prénom ou commune" />
        </TextField>
        <Choice label="Trier par" options={SORTS} value={sort} onChange={setSort} />
      </div>
      {!items && !error && <Loading what="du portefeuille" />}
      {items && (
        <>
          <p className="summary" role="status">
            {items.length} personne{items.length > 1 ? 's' : ''} suivie{items.length > 1 ? 's' : ''}, dont {alerts} avec
            une alerte.
          </p>
          <div className="table-scroll">
            <table className="data-table responsive">
              <caption className="visually-hidden">Personnes du portefeuille</caption>
              <thead>
                <tr>
                  <th scope="col">Personne</th>
                  <th scope="col">Alertes</th>
                  <th scope="col">Dernier contact</th>
                  <th scope="col">Étape</th>
                  <th scope="col">Fin du CER</th>
                  <th scope="col">Freins ouverts</th>
                  <th scope="col">Offres proposées</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
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
                    <td data-label="Étape">{item.stage}</td>
                    <td data-label="Fin du CER">{formatDate(item.cerEndDate)}</td>
                    <td data-label="Freins ouverts">{item.openBarriers}</td>
                    <td data-label="Offres proposées">{item.proposedOffers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.length === 0 && <p>Aucune personne ne correspond à la recherche.</p>}
        </>
      )}
    </>
  );
}
