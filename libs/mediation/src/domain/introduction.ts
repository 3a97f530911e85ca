/**
 * An introduction (mise en relation): a person and an employer (through an offer or directly),
 * from the proposal to a hire, a refusal or a withdrawal. Every move is checked here.
 */
export const INTRODUCTION_STATUSES = [
  'proposed',
  'accepted',
  'card_sent',
  'employer_interested',
  'interview',
  'trial',
  'hired',
  'declined',
  'withdrawn',
] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/** What a line of an introduction's trail records. */
export const INTRODUCTION_EVENT_KINDS = ['transition', 'link_sent', 'link_revoked', 'viewed', 'answered'] as const;
export type IntroductionEventKind = (typeof INTRODUCTION_EVENT_KINDS)[number];
/** Who made a step: a user, the employer through their link, or the system. */
export const EVENT_ACTOR_KINDS = ['user', 'employer', 'system'] as const;
export type EventActorKind = (typeof EVENT_ACTOR_KINDS)[number];

export const DECLINE_REASONS = [
  'skills_mismatch',
  'schedule',
  'distance',
  'position_filled',
  'person_declined',
  'no_show',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const NEXT: Readonly<Record<IntroductionStatus, readonly IntroductionStatus[]>> = {
  proposed: ['accepted', 'withdrawn'],
  accepted: ['card_sent', 'employer_interested', 'withdrawn'],
  card_sent: ['employer_interested', 'declined', 'withdrawn'],
  employer_interested: ['interview', 'declined', 'withdrawn'],
  interview: ['trial', 'hired', 'declined', 'withdrawn'],
  trial: ['hired', 'declined', 'withdrawn'],
  hired: [],
  declined: [],
  withdrawn: [],
};

export function allowedNext(status: IntroductionStatus): readonly IntroductionStatus[] {
  return NEXT[status];
}

export function canMove(from: IntroductionStatus, to: IntroductionStatus): boolean {
  return NEXT[from].includes(to);
}

export function isClosed(status: IntroductionStatus): boolean {
  return NEXT[status].length === 0;
}

export interface TransitionInput {
  readonly to: IntroductionStatus;
  readonly interviewAt?: string;
  readonly interviewPlace?: string;
  readonly trialStart?: string;
  readonly trialEnd?: string;
  readonly declineReason?: DeclineReason;
}

/** What a move needs besides being allowed: the interview's date and place, the trial's dates... */
export function transitionProblems(
  from: IntroductionStatus,
  input: TransitionInput,
): Array<{ field: string; reason: string }> {
  if (!canMove(from, input.to))
    return [
      {
        field: 'to',
        reason:
          `cannot go from ${from} to ${input.to}` +
          (isClosed(from) ? ' (closed)' : ` (next: ${NEXT[from].join(', ')})`),
      },
    ];
  const problems: Array<{ field: string; reason: string }> = [];
  if (input.to === 'interview') {
    if (!input.interviewAt) problems.push({ field: 'interviewAt', reason: 'the interview date is required' });
    if (!input.interviewPlace) problems.push({ field: 'interviewPlace', reason: 'the interview place is required' });
  }
  if (input.to === 'trial') {
    if (!input.trialStart) problems.push({ field: 'trialStart', reason: 'the trial (PMSMP) start is required' });
    if (!input.trialEnd) problems.push({ field: 'trialEnd', reason: 'the trial (PMSMP) end is required' });
    if (input.trialStart && input.trialEnd && input.trialEnd < input.trialStart)
      problems.push({ field: 'trialEnd', reason: 'must not be before trialStart' });
  }
  if (input.to === 'declined' && !input.declineReason)
    problems.push({ field: 'declineReason', reason: 'say why (one of the listed reasons)' });
  return problems;
}
