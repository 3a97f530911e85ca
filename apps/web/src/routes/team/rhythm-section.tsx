import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { api, describeError, ok } from '../../api/client';
import type { components } from '../../api/types';
import type { ApiData } from '../../api/use-api-data';
import { Choice } from '../../ui/choice';
import { Field, fieldErrors, Scroll } from '../../ui/forms';
import { Alert, Badge, Button, Loading } from '../../ui/ui';

type Rhythms = components['schemas']['ContactRhythmsResponse'];
type Rhythm = components['schemas']['ContactRhythmResponse'];

/** « 2 contacts par semaine », « 1 contact tous les 15 jours ». */
export function rhythmLabel(rhythm: Rhythm): string {
  const contacts = rhythm.contacts === 1 ? '1 contact' : `${rhythm.contacts} contacts`;
  if (rhythm.periodDays === 1) return `${contacts} par jour`;
  if (rhythm.periodDays === 7) return `${contacts} par semaine`;
  return `${contacts} tous les ${rhythm.periodDays} jours`;
}

/**
 * Managers: the programme's target contact frequency per structure (a structure without its own
 * follows its parent's), each coach's people behind it, and who they are.
 */
export function RhythmSection({ rhythms }: { rhythms: ApiData<Rhythms> }) {
  const { data, error, reload } = rhythms;
  return (
    <section aria-labelledby="rythme">
      <h2 id="rythme">Rythme de contact</h2>
      <p>
        Le nombre de contacts (rendez-vous, appels, courriels, ateliers du journal) attendu par personne suivie, fixé
        par programme pour chaque structure. Une personne en retard est signalée à son ou sa conseiller·ère.
      </p>
      {error && <Alert>Rythme de contact indisponible : {error}</Alert>}
      {!data && !error && <Loading what="du rythme de contact" />}
      {data && (
        <>
          <Scroll label="Rythme de contact par structure">
            <table className="data-table">
              <caption className="visually-hidden">Rythme de contact de chaque structure</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Rythme en vigueur</th>
                </tr>
              </thead>
              <tbody>
                {data.structures.map((row) => (
                  <tr key={row.structureId}>
                    <th scope="row">{row.structureName}</th>
                    <td>
                      {row.effective ? rhythmLabel(row.effective) : 'Aucun'}
                      {row.effective && !row.own && <span className="muted"> (celui de la structure parente)</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
          <RhythmForm structures={data.structures} onSaved={reload} />

          <h3>Personnes en retard par conseiller·ère</h3>
          {data.coaches.length === 0 ? (
            <p className="muted">Aucune personne suivie sous un rythme de contact.</p>
          ) : (
            <Scroll label="Retards de contact par conseiller·ère">
              <table className="data-table">
                <caption className="visually-hidden">Personnes en retard sur le rythme, par conseiller·ère</caption>
                <thead>
                  <tr>
                    <th scope="col">Conseiller·ère</th>
                    <th scope="col">Personnes suivies sous un rythme</th>
                    <th scope="col">En retard</th>
                  </tr>
                </thead>
                <tbody>
                  {data.coaches.map((coach) => (
                    <tr key={coach.userId}>
                      <th scope="row">{coach.displayName}</th>
                      <td>{coach.followed}</td>
                      <td>
                        {coach.behind === 0 ? (
                          <Badge tone="success">Aucune</Badge>
                        ) : (
                          <Badge tone="warning">{coach.behind}</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
          {data.behind.length > 0 && (
            <ul className="overrides" aria-label="Personnes en retard sur le rythme de contact">
              {data.behind.map((person) => (
                <li key={person.beneficiaryId}>
                  <Link to={`/personnes/${person.beneficiaryId}`}>
                    {person.firstName} {person.lastName}
                  </Link>{' '}
                  : {person.held} contact{person.held > 1 ? 's' : ''} sur {person.expected} attendu
                  {person.expected > 1 ? 's' : ''} ({rhythmLabel(person)}), suivi·e par{' '}
                  {person.referentName ?? 'personne'}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

const PERIODS = [
  { id: '7', label: 'par semaine (7 jours)' },
  { id: '15', label: 'tous les 15 jours' },
  { id: '30', label: 'tous les 30 jours' },
] as const;

function RhythmForm({ structures, onSaved }: { structures: Rhythms['structures']; onSaved: () => void }) {
  const [structureId, setStructureId] = useState<string | null>(structures[0]?.structureId ?? null);
  const [contacts, setContacts] = useState('2');
  const [period, setPeriod] = useState<(typeof PERIODS)[number]['id']>('7');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const current = structures.find((row) => row.structureId === structureId);

  const run = async (call: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setMessage(null);
    setErrors({});
    try {
      await call();
      setMessage(done);
      onSaved();
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!structureId) return;
    void run(
      () =>
        ok(
          api.PUT('/contact-rhythms/{id}', {
            params: { path: { id: structureId } },
            body: { contacts: Number(contacts), periodDays: Number(period) },
          }),
        ),
      'Rythme de contact enregistré.',
    );
  };
  const clear = () =>
    structureId &&
    void run(
      () => ok(api.DELETE('/contact-rhythms/{id}', { params: { path: { id: structureId } } })),
      'Rythme retiré : la structure suit celui de sa structure parente, s’il y en a un.',
    );

  return (
    <Form
      onSubmit={save}
      aria-label="Fixer le rythme de contact"
      validationBehavior="aria"
      className="card"
      style={{ marginTop: '1rem' }}
    >
      <h3 style={{ marginTop: 0 }}>Fixer le rythme d’une structure</h3>
      {message && <Alert kind="success">{message}</Alert>}
      {problem && <Alert>{problem}</Alert>}
      <Choice
        label="Structure"
        options={structures.map((row) => ({ id: row.structureId, label: row.structureName }))}
        value={structureId}
        onChange={setStructureId}
      />
      <Field
        label="Nombre de contacts"
        name="contacts"
        value={contacts}
        onChange={setContacts}
        inputMode="numeric"
        errorMessage={errors.contacts}
      />
      <Choice label="Période" options={PERIODS} value={period} onChange={setPeriod} />
      <div className="actions">
        <Button type="submit">Enregistrer le rythme</Button>
        {current?.own && (
          <Button type="button" variant="secondary" onPress={clear}>
            Retirer le rythme propre à cette structure
          </Button>
        )}
      </div>
    </Form>
  );
}
