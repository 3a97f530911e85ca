import type { ErrorDetail } from '@passerelle/core';
import type { BarrierKind, BarrierStatus } from './coaching.js';

/** A barrier to employment (frein) as the referent coach records it. */
export interface BarrierInput {
  readonly kind: BarrierKind;
  readonly status: BarrierStatus;
  readonly description?: string | null;
  readonly actions?: string | null;
  /** Health barriers: the details, kept apart and readable by the referent coach only. */
  readonly healthNote?: string | null;
}

/**
 * Health details never go in the description (every reader of the file sees it): they go in the
 * health note, which only the referent coach reads, and only health barriers have one.
 */
export function barrierProblems(
  kind: BarrierKind,
  input: Partial<BarrierInput>,
): { code: string; message: string; details: ErrorDetail[] } | null {
  if (kind === 'health' && input.description)
    return {
      code: 'barrier.health_apart',
      message: 'health details go in healthNote, kept apart',
      details: [{ field: 'description', reason: 'not for health barriers: use healthNote' }],
    };
  if (kind !== 'health' && input.healthNote)
    return {
      code: 'barrier.not_health',
      message: 'healthNote is for health barriers only',
      details: [{ field: 'healthNote', reason: 'only for kind health' }],
    };
  return null;
}
