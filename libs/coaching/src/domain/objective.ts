import type { ErrorDetail } from '@passerelle/core';

/**
 * The person's action plan: objectives, each with its steps and due dates, optionally tied to one
 * of their barriers (what it works on) and to a commitment of one of their CERs (what it carries
 * out). A steps list is replaced whole on each change.
 */
export const OBJECTIVE_STATUSES = ['planned', 'in_progress', 'achieved', 'abandoned'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const OBJECTIVE_MAX_STEPS = 20;
export const OBJECTIVE_TEXT_MAX = 200;

export interface ObjectiveStep {
  readonly label: string;
  readonly dueOn: string | null;
  /** The day it was done; null while to do. */
  readonly doneOn: string | null;
}

export interface ObjectiveInput {
  readonly title: string;
  readonly status: ObjectiveStatus;
  readonly dueOn: string | null;
  readonly barrierId: string | null;
  /** A commitment of a CER: the CER and the commitment's text as the CER states it. */
  readonly cerId: string | null;
  readonly commitment: string | null;
  readonly steps: readonly ObjectiveStep[];
}

/** What an objective may point to: the person's barriers and CERs. */
export interface ObjectiveLinks {
  readonly barrierIds: readonly string[];
  readonly cers: ReadonlyArray<{
    readonly id: string;
    readonly beneficiaryCommitments: readonly string[];
    readonly serviceCommitments: readonly string[];
  }>;
}

/**
 * A title, at most 20 steps each with a label and no completion in the future; a barrier of the
 * person; a commitment only with its CER, and one that CER states.
 */
export function objectiveProblems(input: ObjectiveInput, links: ObjectiveLinks, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (input.title.trim() === '') problems.push({ field: 'title', reason: 'must not be blank' });
  if (input.steps.length > OBJECTIVE_MAX_STEPS)
    problems.push({ field: 'steps', reason: `at most ${OBJECTIVE_MAX_STEPS} steps` });
  input.steps.forEach((step, index) => {
    if (step.label.trim() === '') problems.push({ field: `steps.${index}.label`, reason: 'must not be blank' });
    if (step.doneOn !== null && step.doneOn > today)
      problems.push({ field: `steps.${index}.doneOn`, reason: 'must not be in the future' });
  });
  if (input.barrierId !== null && !links.barrierIds.includes(input.barrierId))
    problems.push({ field: 'barrierId', reason: 'not a barrier of this person' });
  if ((input.cerId === null) !== (input.commitment === null))
    problems.push({
      field: input.cerId === null ? 'cerId' : 'commitment',
      reason: 'a CER commitment needs both the CER and the commitment',
    });
  else if (input.cerId !== null) {
    const cer = links.cers.find((candidate) => candidate.id === input.cerId);
    if (!cer) problems.push({ field: 'cerId', reason: 'not a CER of this person' });
    else if (![...cer.beneficiaryCommitments, ...cer.serviceCommitments].includes(input.commitment!))
      problems.push({ field: 'commitment', reason: 'not a commitment of this CER' });
  }
  return problems;
}
