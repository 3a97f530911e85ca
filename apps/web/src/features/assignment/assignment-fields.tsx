import type { Dispatch, SetStateAction } from 'react';
import { Checkbox, FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { ApiError } from '../../api/client';
import type { components } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Box, clearing } from '../../ui/forms';
import type { CoachLoads } from './use-coach-loads';

type CoachLoad = components['schemas']['CoachLoadResponse'];

/** "Camille Martin — 38 / 40": the coach and their load, as the pickers list them. */
export function coachOption(coach: CoachLoad, cap: number): { id: string; label: string } {
  const full = coach.load >= cap ? ' (plafond atteint)' : '';
  return { id: coach.userId, label: `${coach.displayName} — ${coach.load} / ${cap}${full}` };
}

/** The assignment's choice, the override offered after a refusal at the cap, and their errors. */
export interface AssignmentDraft {
  readonly coachUserId: string | null;
  /** Shown once the API refused the coach at the cap. */
  readonly overrideOffered: boolean;
  readonly capOverride: boolean;
  readonly reason: string;
}

export const EMPTY_ASSIGNMENT: AssignmentDraft = {
  coachUserId: null,
  overrideOffered: false,
  capOverride: false,
  reason: '',
};

export const REASON_MAX = 500;

/** What the request body says about the assignment (nothing about the cap unless the manager overrides). */
export function assignmentBody(draft: AssignmentDraft): { capOverride?: boolean; reason?: string } {
  return draft.capOverride ? { capOverride: true, reason: draft.reason.trim() } : {};
}

/** Checked before sending: an override needs its reason. */
export function assignmentDraftProblems(draft: AssignmentDraft): Record<string, string> {
  return draft.capOverride && !draft.reason.trim() ? { reason: 'Indiquez pourquoi vous dérogez au plafond.' } : {};
}

/**
 * The API's refusal of an assignment, in French and by field: a full portfolio names the coach, their load and the
 * cap, and offers the override; `coachField` is the picker's field name in the form.
 */
export function assignmentProblem(
  caught: unknown,
  loads: CoachLoads | null,
  coachUserId: string | null,
  coachField: string,
): { byField: Record<string, string>; offerOverride: boolean } | null {
  if (!(caught instanceof ApiError)) return null;
  const coach = loads?.coaches.find((item) => item.userId === coachUserId);
  const name = coach?.displayName ?? 'Ce·tte conseiller·ère';
  if (caught.code === 'beneficiary.portfolio_full') {
    const numbers = /\((\d+)\/(\d+)\)/.exec(caught.details[0]?.reason ?? '');
    const load = numbers ? numbers[1] : String(coach?.load ?? '');
    const cap = numbers ? numbers[2] : String(loads?.cap ?? '');
    return {
      byField: {
        [coachField]: `Affectation refusée : ${name} suit déjà ${load} personnes pour un plafond de ${cap}. Choisissez une autre personne ou dérogez au plafond en indiquant pourquoi.`,
      },
      offerOverride: true,
    };
  }
  if (caught.code === 'beneficiary.override_reason_required')
    return { byField: { reason: 'Indiquez pourquoi vous dérogez au plafond.' }, offerOverride: true };
  if (caught.code === 'beneficiary.unknown_coach')
    return {
      byField: { [coachField]: 'Choisissez un·e conseiller·ère actif·ve de vos structures.' },
      offerOverride: false,
    };
  return null;
}

/** The coach picker, and after a refusal at the cap the override and its reason (with its length counter). */
export function AssignmentFields({
  draft,
  onChange,
  loads,
  errors,
  setErrors,
  coachField,
  coachLabel,
  optional = false,
  excludeUserId = null,
}: {
  draft: AssignmentDraft;
  onChange: (draft: AssignmentDraft) => void;
  loads: CoachLoads | null;
  errors: Record<string, string>;
  setErrors: Dispatch<SetStateAction<Record<string, string>>>;
  coachField: string;
  coachLabel: string;
  optional?: boolean;
  /** The current referent, not offered for a transfer. */
  excludeUserId?: string | null;
}) {
  const none = { id: 'none', label: 'Plus tard (personne sans conseiller·ère)' };
  const options = [
    ...(optional ? [none] : []),
    ...(loads?.coaches ?? [])
      .filter((coach) => coach.userId !== excludeUserId)
      .map((coach) => coachOption(coach, loads!.cap)),
  ];
  return (
    <>
      <Choice
        label={coachLabel}
        name={coachField}
        options={options}
        value={draft.coachUserId ?? (optional ? 'none' : null)}
        onChange={clearing(
          (id: string) =>
            onChange({ ...EMPTY_ASSIGNMENT, coachUserId: id === 'none' ? null : id, reason: draft.reason }),
          coachField,
          setErrors,
        )}
        isRequired={!optional}
        isInvalid={!!errors[coachField]}
        errorMessage={errors[coachField]}
        description={loads ? `Plafond de portefeuille : ${loads.cap} personnes par conseiller·ère.` : undefined}
        placeholder={loads ? 'Choisir un·e conseiller·ère' : 'Chargement des conseiller·ères…'}
        isDisabled={!loads}
      />
      {draft.overrideOffered && (
        <div className="card" style={{ borderColor: 'var(--accent)' }}>
          <Checkbox
            name="capOverride"
            isSelected={draft.capOverride}
            onChange={(capOverride) => onChange({ ...draft, capOverride })}
          >
            {({ isSelected }) => (
              <>
                <Box isSelected={isSelected} /> Déroger au plafond pour cette affectation
              </>
            )}
          </Checkbox>
          {draft.capOverride && (
            <TextField
              name="reason"
              value={draft.reason}
              onChange={clearing((reason: string) => onChange({ ...draft, reason }), 'reason', setErrors)}
              isRequired
              maxLength={REASON_MAX}
              isInvalid={!!errors.reason}
              className="field"
            >
              <Label>
                Motif de la dérogation<span aria-hidden="true"> *</span>
              </Label>
              <TextArea rows={3} />
              <Text slot="description" className="muted">
                Inscrit avec votre nom et la date dans l’historique du dossier ({draft.reason.length} / {REASON_MAX}{' '}
                caractères).
              </Text>
              <FieldError>{errors.reason}</FieldError>
            </TextField>
          )}
        </div>
      )}
    </>
  );
}
