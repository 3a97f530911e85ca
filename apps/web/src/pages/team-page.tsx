import { useEffect, useMemo, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api, describeError, ok } from '../api/client';
import type { PortfolioEntry } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Choice, Scroll } from '../ui/forms';
import { matchesSearch } from '../ui/search';
import { Alert, Badge, formatDateTime, Loading, PageTitle } from '../ui/ui';
import { useCoachLoads } from '../features/assignment/use-coach-loads';

/** Managers: each coach's load against the cap, the overrides in force, and every person with their coach. */
export function TeamPage() {
  const { user } = useAuth();
  if (!hasRole(user, 'manager'))
    return (
      <>
        <PageTitle title="Équipe">Équipe</PageTitle>
        <Alert kind="info">Cette page est réservée aux responsables.</Alert>
      </>
    );
  return <Team />;
}

function Team() {
  const { loads, error } = useCoachLoads();
  const [people, setPeople] = useState<PortfolioEntry[] | null>(null);
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [coach, setCoach] = useState('all');
  useEffect(() => {
    ok<{ items: PortfolioEntry[] }>(api.GET('/beneficiaries', { params: { query: { sort: 'name' } } }))
      .then((page) => setPeople(page.items))
      .catch((caught: unknown) => setPeopleError(describeError(caught)));
  }, []);
  const shown = useMemo(
    () =>
      (people ?? []).filter(
        (person) =>
          (coach === 'all' || (coach === 'none' ? person.referentUserId === null : person.referentUserId === coach)) &&
          matchesSearch(search, person.firstName, person.lastName, person.communeName, person.referentName),
      ),
    [people, search, coach],
  );
  const coachFilter = [
    { id: 'all', label: 'Tous les conseillers' },
    { id: 'none', label: 'Sans conseiller·ère' },
    ...(loads?.coaches ?? []).map((item) => ({ id: item.userId, label: item.displayName })),
  ];

  return (
    <>
      <PageTitle title="Équipe">Équipe et portefeuilles</PageTitle>
      <div className="actions">
        <Link className="button button-primary" to="/personnes/nouvelle">
          Inscrire une personne
        </Link>
      </div>

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
                    {loads.coaches.find((item) => item.userId === row.coachUserId)?.displayName ??
                      'un·e conseiller·ère'}{' '}
                    par {row.assignedByName ?? 'un·e responsable'} le {formatDateTime(row.assignedAt)}
                    {row.reason ? ` : « ${row.reason} »` : ''}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="personnes">
        <h2 id="personnes">Personnes suivies</h2>
        <p className="muted">Ouvrez le dossier d’une personne pour l’affecter ou la transférer.</p>
        {peopleError && <Alert>Personnes indisponibles : {peopleError}</Alert>}
        <div className="toolbar">
          <TextField value={search} onChange={setSearch} className="field">
            <Label>Rechercher une personne</Label>
            <Input placeholder="Nom, prénom, commune ou conseiller·ère" />
          </TextField>
          <Choice label="Conseiller·ère" options={coachFilter} value={coach} onChange={setCoach} />
        </div>
        {!people && !peopleError && <Loading what="des personnes" />}
        {people && (
          <>
            <p className="summary" role="status">
              {shown.length} personne{shown.length > 1 ? 's' : ''} sur {people.length}.
            </p>
            {shown.length > 0 && (
              <Scroll label="Tableau des personnes suivies">
                <table className="data-table">
                  <caption className="visually-hidden">Personnes des structures et leur conseiller·ère</caption>
                  <thead>
                    <tr>
                      <th scope="col">Personne</th>
                      <th scope="col">Conseiller·ère</th>
                      <th scope="col">Étape</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((person) => (
                      <tr key={person.id}>
                        <th scope="row">
                          <Link to={`/personnes/${person.id}`}>
                            {person.firstName} {person.lastName}
                          </Link>
                          <span className="muted"> {person.communeName}</span>
                        </th>
                        <td>{person.referentName ?? <Badge tone="warning">Sans conseiller·ère</Badge>}</td>
                        <td>{person.stage}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Scroll>
            )}
            {shown.length === 0 && <p>Aucune personne ne correspond à la recherche.</p>}
          </>
        )}
      </section>
    </>
  );
}
