import type { ErrorDetail } from '@passerelle/core';
import { addDays } from './coaching.js';

/**
 * The parts of a file the referent coach may share with another professional. The person's names,
 * commune, stage and referent always show (who the file is about); contact details, consents,
 * referents' history and the offers proposed to them never do unless their part is shared.
 */
export const SHARED_PARTS = ['contact', 'diagnostic', 'barriers', 'cers', 'objectives', 'journal'] as const;
export type SharedPart = (typeof SHARED_PARTS)[number];

/** A share lasts at most this many days: a covered absence, a joint follow-up, then it is asked again. */
export const SHARE_MAX_DAYS = 92;

export interface NewShare {
  readonly recipientUserId: string;
  readonly parts: readonly SharedPart[];
  /** The person agreed that the health note be shown too (barriers must be shared). */
  readonly healthNoteVisible: boolean;
  /** Last day the share is in force (Paris calendar day), inclusive. */
  readonly endsOn: string;
}

/** What is wrong with a share asked on `today`, field by field (empty: nothing). */
export function shareProblems(share: NewShare, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (share.parts.length === 0) problems.push({ field: 'parts', reason: 'choose at least one part of the file' });
  if (share.healthNoteVisible && !share.parts.includes('barriers'))
    problems.push({ field: 'healthNoteVisible', reason: 'the health note is shown with the barriers only' });
  if (share.endsOn < today) problems.push({ field: 'endsOn', reason: 'must be today or later' });
  else if (share.endsOn > addDays(today, SHARE_MAX_DAYS))
    problems.push({ field: 'endsOn', reason: `at most ${SHARE_MAX_DAYS} days from today` });
  return problems;
}

/** A share is in force from its creation through its last day, until revoked. */
export function shareInForce(share: { endsOn: string; revokedAt: Date | null }, today: string): boolean {
  return share.revokedAt === null && share.endsOn >= today;
}
