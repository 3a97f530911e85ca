import type { ErrorDetail } from '@passerelle/core';
import type { CommuneQuery } from '@passerelle/referential';
import { ACTIVE_STATUSES, type CerOutcome, type CoachingStatus, type ExitReason } from './coaching.js';

export interface BeneficiaryIdentity {
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly commune: CommuneQuery;
}

export interface NewBeneficiary extends BeneficiaryIdentity {
  readonly orientationDate: string;
  /** Managers: the structure (default theirs) and the referent coach (optional: may come later). */
  readonly structureId?: string;
  readonly referentUserId?: string;
  readonly capOverride?: boolean;
  /** Why the cap is overridden (required when the coach's portfolio is full). */
  readonly reason?: string;
}

export interface BeneficiaryChanges extends Partial<Omit<BeneficiaryIdentity, 'commune'>> {
  readonly commune?: CommuneQuery;
  readonly cvPlatform?: string | null;
  readonly cvDepositedOn?: string | null;
}

/** The orientation is not in the future, and the person was born before it. */
export function identityDateProblems(birthDate: string | null, orientationDate: string, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (orientationDate > today) problems.push({ field: 'orientationDate', reason: 'must not be in the future' });
  if (birthDate !== null && birthDate >= orientationDate)
    problems.push({ field: 'birthDate', reason: 'must be before the orientation date' });
  return problems;
}

/** A CV deposit is a platform and a date, both or neither; the field missing its pair, else null. */
export function unpairedCvDeposit(
  platform: string | null,
  depositedOn: string | null,
): 'cvPlatform' | 'cvDepositedOn' | null {
  if ((platform === null) === (depositedOn === null)) return null;
  return platform === null ? 'cvPlatform' : 'cvDepositedOn';
}

export interface Closure {
  readonly status: 'ended' | 'reoriented';
  readonly on: string;
  readonly exitReason?: ExitReason;
  readonly reorientedTo?: string;
}

/** A coaching closes once, from an active status, with its reason, dated between the orientation and today. */
export function closureProblems(
  person: { readonly status: CoachingStatus; readonly orientationDate: string },
  input: Closure,
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!ACTIVE_STATUSES.includes(person.status))
    problems.push({ field: 'status', reason: `the coaching is already ${person.status}` });
  if (input.status === 'ended' && !input.exitReason) problems.push({ field: 'exitReason', reason: 'required to end' });
  if (input.status === 'reoriented' && !input.reorientedTo)
    problems.push({ field: 'reorientedTo', reason: 'required to reorient' });
  if (input.on < person.orientationDate) problems.push({ field: 'on', reason: 'before the orientation date' });
  if (input.on > today) problems.push({ field: 'on', reason: 'in the future' });
  return problems;
}

/** The outcome a closure gives the CER still running. */
export function cerOutcomeOfClosure(input: Closure): CerOutcome {
  if (input.status === 'reoriented') return 'reoriented';
  if (input.exitReason === 'job') return 'exit_job';
  if (input.exitReason === 'training') return 'exit_training';
  return 'exit_other';
}

export type CapDecision =
  | { readonly kind: 'full' }
  | { readonly kind: 'reason_required' }
  | { readonly kind: 'assign'; readonly overriding: boolean; readonly reason: string | null };

/**
 * Whether a coach following `load` people may take one more under `cap`. Above it only a manager's
 * override does, and an override is a decision someone answers for: it needs its reason.
 */
export function capDecision(load: number, cap: number, capOverride: boolean, reason: string | null): CapDecision {
  if (load >= cap && !capOverride) return { kind: 'full' };
  const overriding = capOverride && load >= cap;
  const why = reason?.trim() || null;
  if (overriding && why === null) return { kind: 'reason_required' };
  return { kind: 'assign', overriding, reason: why };
}
