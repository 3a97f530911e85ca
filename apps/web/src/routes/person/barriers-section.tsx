import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Field, fieldErrors } from '../../ui/forms';
import { Alert, Button, formatDate } from '../../ui/ui';
import {
  BARRIER_KINDS,
  BARRIER_LABELS,
  BARRIER_STATUS_LABELS,
  BARRIER_STATUSES,
  type BarrierKind,
  type BarrierStatus,
} from './coaching-labels';
import { NOTE_LIMIT, type SectionProps, textProblem } from './section-rules';

type Barrier = BeneficiaryFileResponse['barriers'][number];

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
  const [kind, setKind] = useState<BarrierKind>('mobility');
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
            kind,
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
          <Choice label="Type de frein" options={BARRIER_KINDS} value={kind} onChange={setKind} />
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
