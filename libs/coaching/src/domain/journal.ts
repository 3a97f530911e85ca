import type { ErrorDetail } from '@passerelle/core';
import type { AidDecision, AidKind, EventKind } from './coaching.js';

/** A journal entry: a contact with the person or something done for or by them. */
export interface NewEvent {
  readonly kind: EventKind;
  readonly occurredOn: string;
  readonly note?: string | null;
  readonly collective?: boolean;
  readonly aid?: { readonly kind: AidKind; readonly amount?: number | null; readonly decision?: AidDecision };
}

/** An entry is dated between the orientation and today; only an aid request carries an aid, only a workshop is collective. */
export function journalEntryProblems(input: NewEvent, orientationDate: string, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (input.occurredOn > today) problems.push({ field: 'occurredOn', reason: 'must not be in the future' });
  if (input.occurredOn < orientationDate) problems.push({ field: 'occurredOn', reason: 'before the orientation date' });
  if ((input.kind === 'aid_request') !== (input.aid !== undefined))
    problems.push({
      field: 'aid',
      reason: input.aid ? 'only for kind aid_request' : 'required for an aid request',
    });
  if (input.collective && input.kind !== 'workshop') problems.push({ field: 'collective', reason: 'workshops only' });
  return problems;
}

/** A decided aid request stays in the journal: its decision is a fact the indicators count. */
export function isDecidedAid(entry: { readonly kind: EventKind; readonly aidDecision: AidDecision | null }): boolean {
  return entry.kind === 'aid_request' && entry.aidDecision !== null && entry.aidDecision !== 'pending';
}
