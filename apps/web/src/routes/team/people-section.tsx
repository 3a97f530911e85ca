import { useMemo, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { PortfolioEntryResponse } from '../../api/types';
import type { CoachLoads } from '../../features/assignment/use-coach-loads';
import { Choice } from '../../ui/choice';
import { Scroll } from '../../ui/forms';
import { matchesSearch } from '../../ui/search';
import { Alert, Badge, Loading } from '../../ui/ui';

/** Every person with their coach: a search (case and accents aside) and a filter by coach. */
export function PeopleSection({
  people,
  peopleError,
  loads,
}: {
  people: PortfolioEntryResponse[] | null;
  peopleError: string | null;
  loads: CoachLoads | null;
}) {
  const [search, setSearch] = useState('');
  const [coach, setCoach] = useState('all');
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
  );
}
