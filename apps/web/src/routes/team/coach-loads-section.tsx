import { Link } from 'react-router';
import type { CoachLoads } from '../../features/assignment/use-coach-loads';
import { Scroll } from '../../ui/forms';
import { Alert, Badge, formatDateTime, Loading } from '../../ui/ui';

/** Each coach's load against the cap (places left, cap reached, above it) and the overrides in force. */
export function CoachLoadsSection({ loads, error }: { loads: CoachLoads | null; error: string | null }) {
  return (
    <section aria-labelledby="charge">
      <h2 id="charge">Charge des conseillers</h2>
      {error && <Alert>Charge des conseillers indisponible : {error}</Alert>}
      {!loads && !error && <Loading what="de la charge des conseillers" />}
      {loads && (
        <>
          <p className="summary">
            Plafond de portefeuille : {loads.cap} personnes par conseiller·ère.{' '}
            {loads.unassigned === 0
              ? 'Toutes les personnes suivies ont un·e conseiller·ère.'
              : `${loads.unassigned} personne${loads.unassigned > 1 ? 's' : ''} sans conseiller·ère.`}
          </p>
          {loads.coaches.length === 0 ? (
            <p>Aucun·e conseiller·ère actif·ve dans vos structures.</p>
          ) : (
            <Scroll label="Tableau de la charge des conseillers">
              <table className="data-table">
                <caption className="visually-hidden">Charge de chaque conseiller·ère face au plafond</caption>
                <thead>
                  <tr>
                    <th scope="col">Conseiller·ère</th>
                    <th scope="col">Structure</th>
                    <th scope="col">Personnes suivies</th>
                    <th scope="col">Plafond</th>
                    <th scope="col">Situation</th>
                    <th scope="col">Dont dérogations</th>
                  </tr>
                </thead>
                <tbody>
                  {loads.coaches.map((item) => (
                    <tr key={item.userId}>
                      <th scope="row">{item.displayName}</th>
                      <td>{item.structureName}</td>
                      <td>{item.load}</td>
                      <td>{loads.cap}</td>
                      <td>
                        {item.load > loads.cap ? (
                          <Badge tone="danger">Au-delà du plafond (+{item.load - loads.cap})</Badge>
                        ) : item.load === loads.cap ? (
                          <Badge tone="warning">Plafond atteint</Badge>
                        ) : (
                          <Badge tone="success">
                            {loads.cap - item.load} place{loads.cap - item.load > 1 ? 's' : ''}
                          </Badge>
                        )}
                      </td>
                      <td>{item.overrides}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
          <h3>Dérogations au plafond en vigueur</h3>
          {loads.capOverrides.length === 0 ? (
            <p className="muted">Aucune.</p>
          ) : (
            <ul className="overrides">
              {loads.capOverrides.map((row) => (
                <li key={row.beneficiaryId}>
                  <Link to={`/personnes/${row.beneficiaryId}`}>
                    {row.firstName} {row.lastName}
                  </Link>{' '}
                  confié·e à{' '}
                  {loads.coaches.find((item) => item.userId === row.coachUserId)?.displayName ?? 'un·e conseiller·ère'}{' '}
                  par {row.assignedByName ?? 'un·e responsable'} le {formatDateTime(row.assignedAt)}
                  {row.reason ? ` : « ${row.reason} »` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
