import type { ErrorDetail } from '@passerelle/core';
import { addMonths, type CerOutcome, type CoachingStatus, type ExitReason } from './coaching.js';

/** A CER (contrat d'engagements réciproques) to sign. */
export interface NewCer {
  readonly signedOn: string;
  readonly startDate: string;
  readonly durationMonths?: number;
  readonly beneficiaryCommitments: readonly string[];
  readonly serviceCommitments: readonly string[];
}

export interface CerOutcomeInput {
  readonly outcome: CerOutcome;
  readonly on: string;
  readonly exitReason?: ExitReason;
  readonly reorientedTo?: string;
  /** A renewal opens the next CER from the end of this one. */
  readonly renewal?: Omit<NewCer, 'signedOn' | 'startDate'> & { readonly signedOn?: string };
}

/** A CER is signed while the person is oriented or in coaching, dated in order and not in the future. */
export function cerSigningProblems(
  person: { readonly status: CoachingStatus; readonly orientationDate: string },
  input: NewCer,
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (person.status !== 'oriented' && person.status !== 'in_coaching')
    problems.push({ field: 'status', reason: `the coaching is ${person.status}` });
  if (input.startDate < input.signedOn) problems.push({ field: 'startDate', reason: 'must not be before signedOn' });
  if (input.signedOn < person.orientationDate)
    problems.push({ field: 'signedOn', reason: 'before the orientation date' });
  if (input.signedOn > today) problems.push({ field: 'signedOn', reason: 'must not be in the future' });
  return problems;
}

/**
 * An outcome is recorded once, dated within the CER and not in the future, with what it needs: the
 * new orientation of a reorientation, the next commitments of a renewal, an exit reason only for
 * `exit_other` (the other outcomes say it).
 */
export function cerOutcomeProblems(
  cer: { readonly startDate: string; readonly outcome: string | null },
  input: CerOutcomeInput,
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (cer.outcome !== null) problems.push({ field: 'outcome', reason: `already recorded: ${cer.outcome}` });
  if (input.on < cer.startDate) problems.push({ field: 'on', reason: 'before the CER start' });
  if (input.on > today) problems.push({ field: 'on', reason: 'must not be in the future' });
  if (input.outcome === 'reoriented' && !input.reorientedTo)
    problems.push({ field: 'reorientedTo', reason: 'required for a reorientation' });
  if (input.outcome === 'renewed' && !input.renewal)
    problems.push({ field: 'renewal', reason: 'required for a renewal (commitments of the next CER)' });
  if (input.outcome !== 'exit_other' && input.exitReason)
    problems.push({ field: 'exitReason', reason: 'only for exit_other (the outcome says it otherwise)' });
  return problems;
}

/** The CER a renewal opens: from the end of the current one, or from the renewal's date if later. */
export function renewalOf(cer: { readonly endDate: string }, input: CerOutcomeInput): NewCer {
  return {
    ...input.renewal!,
    signedOn: input.renewal!.signedOn ?? input.on,
    startDate: cer.endDate > input.on ? cer.endDate : input.on,
  };
}

/** The CER with its length (given, else the default setting) and its end date. */
export function withTerm(
  input: NewCer,
  defaultMonths: number,
): NewCer & { readonly durationMonths: number; readonly endDate: string } {
  const durationMonths = input.durationMonths ?? defaultMonths;
  return { ...input, durationMonths, endDate: addMonths(input.startDate, durationMonths) };
}
