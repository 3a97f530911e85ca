import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../api/client';
import type { BeneficiaryFile } from '../api/types';
import { Choice, dateProblem, Field, fieldErrors, NativeDate } from '../ui/forms';
import { Alert, Badge, Button, formatDate, parisToday } from '../ui/ui';

type Events = BeneficiaryFile['events'];
type Barrier = BeneficiaryFile['barriers'][number];

export const NOTE_LIMIT = 2000;

export const EVENT_LABELS: Record<string, string> = {
  meeting: 'Entretien',
  call: 'Appel',
  email: 'E-mail',
  workshop: 'Atelier',
  application: 'Candidature',
  training: 'Formation',
  pmsmp: 'PMSMP',
  cv_work: 'Travail sur le CV',
  aid_request: 'Demande d’aide',
};
/** The kinds the journal form offers (an aid request has its own section). */
const EVENT_OPTIONS = Object.entries(EVENT_LABELS)
  .filter(([kind]) => kind !== 'aid_request')
  .map(([id, label]) => ({ id, label }));

export const BARRIER_LABELS: Record<string, string> = {
  mobility: 'Mobilité',
  childcare: 'Garde d’enfants',
  housing: 'Logement',
  debt: 'Endettement',
  health: 'Santé',
  digital: 'Numérique',
  language: 'Langue',
  administrative: 'Démarches administratives',
};
const BARRIER_STATUSES = [
  { id: 'identified', label: 'Repéré' },
  { id: 'in_progress', label: 'En cours' },
  { id: 'resolved', label: 'Levé' },
] as const;
type BarrierStatus = (typeof BARRIER_STATUSES)[number]['id'];
const BARRIER_STATUS_LABELS: Record<string, string> = {
  identified: 'repéré',
  in_progress: 'en cours',
  resolved: 'levé',
};

const AID_KINDS = [
  { id: 'mobility', label: 'Mobilité' },
  { id: 'childcare', label: 'Garde d’enfants' },
  { id: 'equipment', label: 'Équipement' },
  { id: 'other', label: 'Autre' },
] as const;
type AidKind = (typeof AID_KINDS)[number]['id'];
const AID_LABELS: Record<string, string> = Object.fromEntries(AID_KINDS.map((kind) => [kind.id, kind.label]));
const DECISION_LABELS: Record<string, string> = { pending: 'en attente', granted: 'accordée', refused: 'refusée' };

/** A text's problem before sending: required, not blank, within the limit (the API's own rules). */
function textProblem(text: string, { required, limit }: { required?: boolean; limit: number }): string | null {
  if (required && !text.trim()) return 'ce champ est obligatoire';
  if (!required && text && !text.trim()) return 'ne peut pas être vide';
  if (text.length > limit) return `au plus ${limit.toLocaleString('fr-FR')} caractères`;
  return null;
}

/** Puts the focus on the first field in error of a form (its control, found by the field's name). */
function focusFirst(form: HTMLElement | null, errors: Record<string, string>): void {
  const first = Object.keys(errors)[0];
  if (!form || !first) return;
  requestAnimationFrame(() => {
    const control = form.querySelector<HTMLElement>(
      `[name="${first}"], [data-field="${first}"] input, [data-field="${first}"] textarea`,
    );
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  });
}

/** A French decimal typed by the user (« 250,50 ») as a number, or null when empty or not a number. */
function amountOf(text: string): number | null | 'invalid' {
  if (!text.trim()) return null;
  const value = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

interface SectionProps {
  readonly id: string;
  readonly file: BeneficiaryFile;
  readonly canWrite: boolean;
  readonly userId: string | null;
  /** Reloads the file and says what was done. */
  readonly onChanged: (message: string) => Promise<void>;
}

/** The journal: add a contact or an action (a note is required, within 2,000 characters), delete an entry. */
export function JournalSection({ id, file, canWrite, userId, onChanged }: SectionProps) {
  const today = parisToday();
  const [kind, setKind] = useState('meeting');
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
          body: { kind: kind as never, occurredOn: on, note },
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

/** One barrier, its status and actions changed in place by the referent coach. */
function BarrierItem({
  id,
  barrier,
  canWrite,
  onChanged,
}: { id: string; barrier: Barrier } & Omit<SectionProps, 'file' | 'userId' | 'id'>) {
  const [status, setStatus] = useState<BarrierStatus>(barrier.status);
  const [actions, setActions] = useState(barrier.actions ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const label = BARRIER_LABELS[barrier.kind] ?? barrier.kind;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const text = textProblem(actions, { limit: NOTE_LIMIT });
    setErrors(text ? { actions: text } : {});
    setProblem(null);
    if (text) return;
    try {
      await ok(
        api.PATCH('/beneficiaries/{id}/barriers/{barrierId}', {
          params: { path: { id, barrierId: barrier.id } },
          body: { status, ...(actions.trim() ? { actions } : {}) },
        }),
      );
      await onChanged(`Frein « ${label} » enregistré.`);
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    }
  };

  return (
    <li>
      <strong>{label}</strong> ({BARRIER_STATUS_LABELS[barrier.status]})
      {barrier.description ? ` — ${barrier.description}` : ''}
      {barrier.healthNote ? <span className="muted"> (note de santé, visible de vous seul·e)</span> : null}
      {barrier.actions && <div>Actions : {barrier.actions}</div>}
      {barrier.resolvedAt && <div className="muted">Levé le {formatDate(barrier.resolvedAt)}</div>}
      {canWrite && (
        <details>
          <summary>Faire évoluer ce frein</summary>
          {problem && <Alert>{problem}</Alert>}
          <Form onSubmit={(event) => void save(event)} aria-label={`Frein ${label}`} validationBehavior="aria">
            <Choice
              label={`Statut du frein ${label}`}
              options={BARRIER_STATUSES}
              value={status}
              onChange={setStatus}
              name="status"
            />
            <Field
              label={`Actions engagées (${label})`}
              name="actions"
              multiline
              rows={2}
              value={actions}
              onChange={setActions}
              limit={NOTE_LIMIT}
              errorMessage={errors.actions}
            />
            <Button type="submit" variant="secondary">
              Enregistrer le frein
            </Button>
          </Form>
        </details>
      )}
    </li>
  );
}

/** The barriers: each with its status and actions; a new one added by the referent coach. */
export function BarriersSection({ id, file, canWrite, onChanged }: SectionProps) {
  const [kind, setKind] = useState('mobility');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const health = kind === 'health';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const found = textProblem(text, { limit: NOTE_LIMIT });
    const field = health ? 'healthNote' : 'description';
    setErrors(found ? { [field]: found } : {});
    setProblem(null);
    if (found) return;
    try {
      await ok(
        api.POST('/beneficiaries/{id}/barriers', {
          params: { path: { id } },
          body: {
            kind: kind as never,
            status: 'identified',
            ...(text.trim() ? (health ? { healthNote: text } : { description: text }) : {}),
          },
        }),
      );
      setText('');
      await onChanged('Frein ajouté.');
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    }
  };

  return (
    <section className="card" aria-labelledby="barriers">
      <h2 id="barriers">Freins</h2>
      {problem && <Alert>{problem}</Alert>}
      {file.barriers.length === 0 ? (
        <p>Aucun frein repéré.</p>
      ) : (
        <ul aria-label="Freins de la personne">
          {file.barriers.map((barrier) => (
            <BarrierItem
              key={`${barrier.id}-${barrier.status}-${barrier.actions ?? ''}`}
              id={id}
              barrier={barrier}
              canWrite={canWrite}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {canWrite && (
        <Form onSubmit={(event) => void add(event)} aria-label="Ajouter un frein" validationBehavior="aria">
          <Choice
            label="Type de frein"
            options={Object.entries(BARRIER_LABELS).map(([id, label]) => ({ id, label }))}
            value={kind}
            onChange={setKind}
          />
          <Field
            label={health ? 'Note de santé (visible de vous seul·e)' : 'Description'}
            name={health ? 'healthNote' : 'description'}
            multiline
            rows={2}
            value={text}
            onChange={setText}
            limit={NOTE_LIMIT}
            errorMessage={errors[health ? 'healthNote' : 'description']}
          />
          <Button type="submit" variant="secondary">
            Ajouter le frein
          </Button>
        </Form>
      )}
    </section>
  );
}

/** Aid requests: listed with their decision; asked and then decided (granted with its amount, or refused). */
export function AidSection({ id, file, canWrite, onChanged }: SectionProps) {
  const today = parisToday();
  const requests = file.events.filter((event): event is Events[number] & { aid: NonNullable<Events[number]['aid']> } =>
    Boolean(event.aid),
  );
  const [kind, setKind] = useState<AidKind>('mobility');
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [granted, setGranted] = useState<Record<string, string>>({});

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const value = amountOf(amount);
    if (value === 'invalid') found.amount = 'un montant en euros (ex. 150 ou 150,50)';
    const date = dateProblem(on, { required: true, notAfter: today });
    if (date) found.occurredOn = date;
    const text = textProblem(note, { limit: NOTE_LIMIT });
    if (text) found.note = text;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    try {
      await ok(
        api.POST('/beneficiaries/{id}/events', {
          params: { path: { id } },
          body: {
            kind: 'aid_request',
            occurredOn: on,
            ...(note.trim() ? { note } : {}),
            aid: { kind, ...(typeof value === 'number' ? { amount: value } : {}) },
          },
        }),
      );
      setAmount('');
      setNote('');
      await onChanged('Demande d’aide enregistrée.');
    } catch (caught) {
      const byField = fieldErrors(caught);
      if (caught instanceof ApiError && byField.aid) byField.amount = byField.aid;
      setErrors(byField);
      setProblem(describeError(caught));
    }
  };

  const decide = async (eventId: string, decision: 'granted' | 'refused') => {
    setProblem(null);
    const value = amountOf(granted[eventId] ?? '');
    if (decision === 'granted' && value === 'invalid') {
      setProblem('Montant accordé : un montant en euros (ex. 150 ou 150,50).');
      return;
    }
    try {
      await ok(
        api.PATCH('/beneficiaries/{id}/events/{eventId}/aid', {
          params: { path: { id, eventId } },
          body: { decision, ...(decision === 'granted' && typeof value === 'number' ? { amount: value } : {}) },
        }),
      );
      await onChanged(decision === 'granted' ? 'Aide accordée.' : 'Aide refusée.');
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };

  const euros = (value: number | null) =>
    value === null ? 'montant non précisé' : value.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });

  return (
    <section className="card" aria-labelledby="aids">
      <h2 id="aids">Demandes d’aide</h2>
      {problem && <Alert>{problem}</Alert>}
      {requests.length === 0 ? (
        <p>Aucune demande d’aide.</p>
      ) : (
        <ul aria-label="Demandes d’aide de la personne">
          {requests.map((request) => (
            <li key={request.id}>
              <strong>{AID_LABELS[request.aid.kind] ?? request.aid.kind}</strong>, demandée le{' '}
              {formatDate(request.occurredOn)} — {euros(request.aid.amount)}{' '}
              <Badge
                tone={
                  request.aid.decision === 'granted'
                    ? 'success'
                    : request.aid.decision === 'refused'
                      ? 'warning'
                      : 'neutral'
                }
              >
                {DECISION_LABELS[request.aid.decision] ?? request.aid.decision}
              </Badge>
              {request.note ? <div className="muted">{request.note}</div> : null}
              {canWrite && request.aid.decision === 'pending' && (
                <div className="toolbar">
                  <Field
                    label="Montant accordé (€)"
                    name={`granted-${request.id}`}
                    inputMode="decimal"
                    value={granted[request.id] ?? ''}
                    onChange={(value) => setGranted((all) => ({ ...all, [request.id]: value }))}
                  />
                  <Button variant="secondary" onPress={() => void decide(request.id, 'granted')}>
                    Accorder
                  </Button>
                  <Button variant="secondary" onPress={() => void decide(request.id, 'refused')}>
                    Refuser
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <Form onSubmit={(event) => void ask(event)} aria-label="Demander une aide" validationBehavior="aria">
          <div className="toolbar">
            <Choice label="Aide demandée" options={AID_KINDS} value={kind} onChange={setKind} />
            <Field
              label="Montant demandé (€)"
              name="amount"
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              errorMessage={errors.amount}
            />
            <NativeDate
              label="Demandée le"
              name="occurredOn"
              value={on}
              onChange={setOn}
              max={today}
              isRequired
              error={errors.occurredOn}
            />
          </div>
          <Field
            label="Motif de la demande"
            name="note"
            multiline
            rows={2}
            value={note}
            onChange={setNote}
            limit={NOTE_LIMIT}
            errorMessage={errors.note}
          />
          <Button type="submit" variant="secondary">
            Enregistrer la demande d’aide
          </Button>
        </Form>
      )}
    </section>
  );
}
