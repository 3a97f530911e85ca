import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Field, fieldErrors, NativeDate } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, parisToday } from '../../ui/ui';
import { BARRIER_LABELS } from './coaching-labels';
import type { SectionProps } from './section-rules';

type Objective = BeneficiaryFileResponse['objectives'][number];
type ObjectiveStatus = Objective['status'];

const STATUS_OPTIONS: ReadonlyArray<{ id: ObjectiveStatus; label: string }> = [
  { id: 'planned', label: 'Prévu' },
  { id: 'in_progress', label: 'En cours' },
  { id: 'achieved', label: 'Atteint' },
  { id: 'abandoned', label: 'Abandonné' },
];
const STATUS_LABELS = Object.fromEntries(STATUS_OPTIONS.map((option) => [option.id, option.label]));
const STATUS_TONES: Record<ObjectiveStatus, 'neutral' | 'warning' | 'success' | 'danger'> = {
  planned: 'neutral',
  in_progress: 'warning',
  achieved: 'success',
  abandoned: 'danger',
};
const NONE = '-';

/** « cer-id|commitment »: one choice per commitment of the person's CERs. */
function commitmentOptions(file: BeneficiaryFileResponse): Array<{ id: string; label: string }> {
  return [
    { id: NONE, label: 'Aucun' },
    ...file.cers.flatMap((cer) =>
      [...cer.beneficiaryCommitments, ...cer.serviceCommitments].map((commitment) => ({
        id: `${cer.id}|${commitment}`,
        label: `${commitment} (CER du ${formatDate(cer.startDate)})`,
      })),
    ),
  ];
}

/**
 * The person's action plan: each objective with its status, due date, the barrier it works on and
 * the CER commitment it carries out, and its steps; the referent coach adds objectives, ticks steps
 * off and changes a status.
 */
export function ObjectivesSection({ id, file, canWrite, onChanged }: SectionProps) {
  return (
    <section className="card" aria-labelledby="objectifs">
      <h2 id="objectifs">Plan d’action</h2>
      {file.objectives.length === 0 ? (
        <p>Aucun objectif.</p>
      ) : (
        <ul className="timeline" aria-label="Objectifs">
          {file.objectives.map((objective) => (
            <ObjectiveItem
              key={objective.id}
              id={id}
              file={file}
              objective={objective}
              canWrite={canWrite}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {canWrite && <NewObjectiveForm id={id} file={file} onChanged={onChanged} />}
    </section>
  );
}

function ObjectiveItem({
  id,
  file,
  objective,
  canWrite,
  onChanged,
}: Omit<SectionProps, 'userId'> & { objective: Objective }) {
  const [problem, setProblem] = useState<string | null>(null);
  const barrier = file.barriers.find((candidate) => candidate.id === objective.barrierId);
  const change = async (body: { status?: ObjectiveStatus; steps?: Objective['steps'] }, done: string) => {
    setProblem(null);
    try {
      await ok(
        api.PATCH('/beneficiaries/{id}/objectives/{objectiveId}', {
          params: { path: { id, objectiveId: objective.id } },
          body,
        }),
      );
      await onChanged(done);
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };
  const toggle = (index: number) =>
    void change(
      {
        steps: objective.steps.map((step, at) =>
          at === index ? { ...step, doneOn: step.doneOn ? null : parisToday() } : step,
        ),
      },
      `Étape « ${objective.steps[index].label} » ${objective.steps[index].doneOn ? 'à refaire' : 'faite'}.`,
    );

  return (
    <li>
      <h3 style={{ margin: 0, fontSize: '1rem' }}>
        {objective.title} <Badge tone={STATUS_TONES[objective.status]}>{STATUS_LABELS[objective.status]}</Badge>
      </h3>
      {objective.dueOn && <div className="muted">Échéance : {formatDate(objective.dueOn)}</div>}
      {barrier && <div>Frein travaillé : {BARRIER_LABELS[barrier.kind] ?? barrier.kind}</div>}
      {objective.commitment && <div>Engagement du CER : {objective.commitment}</div>}
      {objective.steps.length > 0 && (
        <ol aria-label={`Étapes : ${objective.title}`}>
          {objective.steps.map((step, index) => (
            <li key={index}>
              {step.doneOn ? '✓ ' : ''}
              {step.label}
              {step.dueOn && <span className="muted"> — pour le {formatDate(step.dueOn)}</span>}
              {step.doneOn && <span className="muted"> — fait le {formatDate(step.doneOn)}</span>}{' '}
              {canWrite && (
                <Button variant="secondary" onPress={() => toggle(index)}>
                  {step.doneOn ? `Rouvrir l’étape « ${step.label} »` : `Marquer faite l’étape « ${step.label} »`}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <Choice
          label={`Statut de l’objectif « ${objective.title} »`}
          options={STATUS_OPTIONS}
          value={objective.status}
          onChange={(status) => void change({ status }, `Objectif « ${objective.title} » : ${STATUS_LABELS[status]}.`)}
        />
      )}
      {problem && <Alert>{problem}</Alert>}
    </li>
  );
}

function NewObjectiveForm({ id, file, onChanged }: Pick<SectionProps, 'id' | 'file' | 'onChanged'>) {
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [barrierId, setBarrierId] = useState<string>(NONE);
  const [commitment, setCommitment] = useState<string>(NONE);
  const [steps, setSteps] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const barrierOptions = [
    { id: NONE, label: 'Aucun' },
    ...file.barriers.map((barrier) => ({ id: barrier.id, label: BARRIER_LABELS[barrier.kind] ?? barrier.kind })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!title.trim()) {
      setErrors({ title: 'ce champ est obligatoire' });
      return;
    }
    const [cerId, ...text] = commitment === NONE ? [] : commitment.split('|');
    try {
      await ok(
        api.POST('/beneficiaries/{id}/objectives', {
          params: { path: { id } },
          body: {
            title,
            ...(dueOn ? { dueOn } : {}),
            ...(barrierId !== NONE ? { barrierId } : {}),
            ...(cerId ? { cerId, commitment: text.join('|') } : {}),
            steps: steps
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((label) => ({ label })),
          },
        }),
      );
      setTitle('');
      setDueOn('');
      setSteps('');
      setBarrierId(NONE);
      setCommitment(NONE);
      setErrors({});
      await onChanged('Objectif ajouté au plan d’action.');
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    }
  };

  return (
    <details>
      <summary>Ajouter un objectif</summary>
      <Form onSubmit={(event) => void submit(event)} aria-label="Ajouter un objectif" validationBehavior="aria">
        {problem && <Alert>{problem}</Alert>}
        <Field
          label="Objectif"
          name="title"
          value={title}
          onChange={setTitle}
          isRequired
          maxLength={200}
          errorMessage={errors.title}
        />
        <NativeDate label="Échéance" name="dueOn" value={dueOn} onChange={setDueOn} error={errors.dueOn} />
        <Choice label="Frein travaillé" options={barrierOptions} value={barrierId} onChange={setBarrierId} />
        <Choice
          label="Engagement du CER"
          options={commitmentOptions(file)}
          value={commitment}
          onChange={setCommitment}
        />
        <Field
          label="Étapes (une par ligne)"
          name="steps"
          value={steps}
          onChange={setSteps}
          multiline
          rows={3}
          errorMessage={errors.steps}
        />
        <Button type="submit">Ajouter l’objectif</Button>
      </Form>
    </details>
  );
}
