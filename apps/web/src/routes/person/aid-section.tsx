import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { dateProblem, Field, fieldErrors, NativeDate } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, parisToday } from '../../ui/ui';
import { AID_KINDS, AID_LABELS, type AidKind, DECISION_LABELS } from './coaching-labels';
import { amountOf, NOTE_LIMIT, type SectionProps, textProblem } from './section-rules';

type Events = BeneficiaryFileResponse['events'];

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
