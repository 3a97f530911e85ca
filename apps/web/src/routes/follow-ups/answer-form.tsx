import { useState } from 'react';
import { FieldError, Form, Label, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { components, FollowUpResponse } from '../../api/types';
import { Checks } from '../../ui/forms';
import { fieldRefusal, useForm } from '../../ui/use-form';
import { Alert, Button } from '../../ui/ui';
import { type Difficulty, DIFFICULTIES } from './follow-up-labels';

type AnswerRequest = components['schemas']['FollowUpAnswerRequest'];

const radioStyle = { display: 'flex', alignItems: 'center', gap: '0.4rem', cursor: 'pointer', padding: '0.2rem 0' };

function YesNo({ isSelected, label }: { isSelected: boolean; label: string }) {
  return (
    <>
      <span
        aria-hidden="true"
        style={{
          width: '1.2rem',
          height: '1.2rem',
          borderRadius: '50%',
          border: '2px solid #767676',
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          borderColor: isSelected ? 'var(--accent)' : '#767676',
        }}
      >
        {isSelected && (
          <span style={{ width: '0.6rem', height: '0.6rem', borderRadius: '50%', background: 'var(--accent)' }} />
        )}
      </span>
      {label}
    </>
  );
}

/** A field of the answer form: its name in the form, its label, its value and its error. */
interface AnswerFieldProps<V> {
  readonly name: string;
  readonly label: string;
  readonly value: V;
  readonly onChange: (value: string) => void;
  readonly error?: string;
}

/** A required yes-or-no question (values `yes` and `no`) with its error. */
function YesNoQuestion({ name, label, value, onChange, error }: AnswerFieldProps<string | null>) {
  return (
    <RadioGroup name={name} value={value} onChange={onChange} isRequired className="field" isInvalid={!!error}>
      <Label>{label}</Label>
      <div style={{ display: 'flex', gap: '1.5rem' }}>
        <Radio value="yes" style={radioStyle}>
          {({ isSelected }) => <YesNo isSelected={isSelected} label="Oui" />}
        </Radio>
        <Radio value="no" style={radioStyle}>
          {({ isSelected }) => <YesNo isSelected={isSelected} label="Non" />}
        </Radio>
      </div>
      <FieldError>{error}</FieldError>
    </RadioGroup>
  );
}

/** An optional free text, 2,000 characters at most, with its error. */
function FreeText({ name, label, value, onChange, error }: AnswerFieldProps<string>) {
  return (
    <TextField name={name} value={value} onChange={onChange} maxLength={2000} isInvalid={!!error}>
      <Label>{label}</Label>
      <TextArea rows={3} style={{ width: '100%' }} />
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

const FIELD_MESSAGES: Record<string, string> = {
  inJob: 'Indiquez si la personne est en emploi.',
  rsaExit: 'Indiquez si la personne est sortie du RSA (obligatoire après la fin de l’accompagnement).',
  dueOn: 'Ce suivi n’est pas encore arrivé à échéance.',
  employerView: 'L’avis de l’employeur doit faire 2 000 caractères au plus.',
  note: 'La note doit faire 2 000 caractères au plus.',
  difficulties: 'Choisissez des difficultés dans la liste.',
};

/** The checkpoint's answer: in a job, RSA exit (after the end of coaching), difficulties, employer's view, note. */
export function AnswerForm({
  item,
  onAnswered,
}: {
  item: FollowUpResponse;
  onAnswered: (item: FollowUpResponse) => void;
}) {
  const [inJob, setInJob] = useState<string | null>(null);
  const [rsaExit, setRsaExit] = useState<string | null>(null);
  const [difficulties, setDifficulties] = useState<string[]>([]);
  const [employerView, setEmployerView] = useState('');
  const [note, setNote] = useState('');
  const needsRsaExit = item.kind === 'coaching_end';

  const form = useForm({
    check: () => {
      const problems: Record<string, string> = {};
      if (inJob === null) problems.inJob = FIELD_MESSAGES.inJob;
      if (needsRsaExit && rsaExit === null) problems.rsaExit = FIELD_MESSAGES.rsaExit;
      if (employerView.length > 2000) problems.employerView = FIELD_MESSAGES.employerView;
      if (note.length > 2000) problems.note = FIELD_MESSAGES.note;
      return problems;
    },
    invalid: 'Le formulaire contient des erreurs : corrigez les champs signalés.',
    refused: (caught) => {
      if (caught instanceof ApiError && caught.details.length > 0 && caught.status === 400) {
        const { errors } = fieldRefusal(caught, { messages: FIELD_MESSAGES });
        return {
          errors,
          message: errors?.dueOn
            ? FIELD_MESSAGES.dueOn
            : 'La réponse n’a pas été enregistrée : corrigez les champs signalés.',
        };
      }
      if (caught instanceof ApiError && caught.code === 'follow_up.answered')
        return { message: 'Ce suivi a déjà été renseigné (peut-être par un·e collègue) : actualisez la liste.' };
      if (caught instanceof ApiError && caught.status === 404)
        return {
          message: 'Ce suivi ne vous est pas attribué : seul·e la personne référente ou assignée peut le renseigner.',
        };
      return { message: describeError(caught) };
    },
    send: async () => {
      const body: AnswerRequest = {
        inJob: inJob === 'yes',
        difficulties: difficulties as Difficulty[],
        ...(rsaExit !== null && needsRsaExit ? { rsaExit: rsaExit === 'yes' } : {}),
        ...(employerView.trim() ? { employerView: employerView.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      const saved = await ok(api.POST('/follow-ups/{id}/answer', { params: { path: { id: item.id } }, body }));
      onAnswered(saved);
    },
  });
  const { errors, clearing } = form;

  return (
    <Form onSubmit={form.submit} validationBehavior="aria" validationErrors={errors} style={{ marginTop: '0.75rem' }}>
      {form.error && <Alert>{form.error}</Alert>}
      <YesNoQuestion
        name="inJob"
        label={item.kind === 'placement' ? 'Toujours en emploi ?' : 'En emploi à la date du suivi ?'}
        value={inJob}
        onChange={clearing(setInJob, 'inJob')}
        error={errors.inJob}
      />
      {needsRsaExit && (
        <YesNoQuestion
          name="rsaExit"
          label="Sortie du RSA ?"
          value={rsaExit}
          onChange={clearing(setRsaExit, 'rsaExit')}
          error={errors.rsaExit}
        />
      )}
      <Checks
        label="Difficultés rencontrées"
        name="difficulties"
        description="Cochez toutes celles qui s’appliquent, ou aucune."
        options={DIFFICULTIES}
        value={difficulties}
        onChange={clearing(setDifficulties, 'difficulties')}
        isInvalid={!!errors.difficulties}
        errorMessage={errors.difficulties}
      />
      <FreeText
        name="employerView"
        label="Avis de l’employeur (facultatif)"
        value={employerView}
        onChange={clearing(setEmployerView, 'employerView')}
        error={errors.employerView}
      />
      <FreeText
        name="note"
        label="Note (facultative)"
        value={note}
        onChange={clearing(setNote, 'note')}
        error={errors.note}
      />
      <div className="actions">
        <Button type="submit" isDisabled={form.busy}>
          {form.busy ? 'Enregistrement…' : 'Enregistrer le suivi'}
        </Button>
      </div>
    </Form>
  );
}
