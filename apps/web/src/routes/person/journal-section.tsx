import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import { Choice } from '../../ui/choice';
import { dateProblem, Field, fieldErrors, NativeDate } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, parisToday } from '../../ui/ui';
import { AID_LABELS, DECISION_LABELS, EVENT_LABELS, EVENT_OPTIONS, type EventKind } from './coaching-labels';
import { focusFirst, NOTE_LIMIT, type SectionProps, textProblem } from './section-rules';

/** The journal: add a contact or an action (a note is required, within 2,000 characters), delete an entry. */
export function JournalSection({ id, file, canWrite, userId, onChanged }: SectionProps) {
  const today = parisToday();
  const [kind, setKind] = useState<EventKind>('meeting');
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    const date = dateProblem(on, { required: true, notAfter: today });
    if (date) found.occurredOn = date;
    else if (on < file.orientationDate) found.occurredOn = 'ne peut pas précéder la date d’orientation';
    const text = textProblem(note, { required: true, limit: NOTE_LIMIT });
    if (text) found.note = text;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return focusFirst(form.current, found);
    setBusy(true);
    try {
      await ok(
        api.POST('/beneficiaries/{id}/events', {
          params: { path: { id } },
          body: { kind, occurredOn: on, note },
        }),
      );
      setNote('');
      await onChanged('Entrée ajoutée au journal.');
    } catch (caught) {
      const byField = fieldErrors(caught);
      setErrors(byField);
      setProblem(describeError(caught));
      focusFirst(form.current, byField);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (eventId: string) => {
    setProblem(null);
    try {
      await ok(api.DELETE('/beneficiaries/{id}/events/{eventId}', { params: { path: { id, eventId } } }));
      setConfirming(null);
      await onChanged('Entrée supprimée du journal.');
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };

  return (
    <section className="card" aria-labelledby="journal">
      <h2 id="journal">Journal des contacts et actions</h2>
      {file.rhythm && (
        <p>
          Rythme de contact : {file.rhythm.held} contact{file.rhythm.held > 1 ? 's' : ''} sur les{' '}
          {file.rhythm.periodDays} derniers jours, {file.rhythm.expected} attendu{file.rhythm.expected > 1 ? 's' : ''} (
          {file.rhythm.contacts} par {file.rhythm.periodDays} j){' '}
          {file.rhythm.behind ? <Badge tone="warning">En retard</Badge> : <Badge tone="success">Au rythme</Badge>}
        </p>
      )}
      {problem && <Alert>{problem}</Alert>}
      {canWrite && (
        <Form
          ref={form}
          onSubmit={(event) => void submit(event)}
          aria-label="Ajouter au journal"
          validationBehavior="aria"
        >
          <div className="toolbar">
            <Choice label="Type" options={EVENT_OPTIONS} value={kind} onChange={setKind} />
            <NativeDate
              label="Date"
              name="occurredOn"
              value={on}
              onChange={(value) => {
                setOn(value);
                setErrors(({ occurredOn: _gone, ...rest }) => rest);
              }}
              max={today}
              isRequired
              error={errors.occurredOn}
            />
          </div>
          <Field
            label="Note"
            name="note"
            multiline
            rows={3}
            value={note}
            onChange={(value) => {
              setNote(value);
              setErrors(({ note: _gone, ...rest }) => rest);
            }}
            isRequired
            limit={NOTE_LIMIT}
            errorMessage={errors.note}
          />
          <Button type="submit" isDisabled={busy}>
            Ajouter au journal
          </Button>
        </Form>
      )}
      {file.events.length === 0 ? (
        <p>Aucune entrée.</p>
      ) : (
        <ol className="timeline" aria-label="Entrées du journal">
          {file.events.map((event) => (
            <li key={event.id}>
              <strong>{formatDate(event.occurredOn)}</strong> — {EVENT_LABELS[event.kind] ?? event.kind}
              {event.note ? ` : ${event.note}` : ''}
              {event.aid
                ? ` (aide ${AID_LABELS[event.aid.kind] ?? event.aid.kind}, ${DECISION_LABELS[event.aid.decision] ?? event.aid.decision})`
                : ''}{' '}
              {(canWrite || event.authorId === userId) &&
                (confirming === event.id ? (
                  <span className="actions" style={{ display: 'inline-flex' }}>
                    <Button variant="danger" onPress={() => void remove(event.id)}>
                      Confirmer la suppression
                    </Button>
                    <Button variant="secondary" onPress={() => setConfirming(null)}>
                      Annuler
                    </Button>
                  </span>
                ) : (
                  <Button
                    variant="secondary"
                    onPress={() => setConfirming(event.id)}
                    aria-label={`Supprimer l’entrée du ${formatDate(event.occurredOn)} (${EVENT_LABELS[event.kind] ?? event.kind})`}
                  >
                    Supprimer
                  </Button>
                ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
