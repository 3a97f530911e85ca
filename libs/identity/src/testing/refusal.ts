import { DomainError } from '@passerelle/core';

export interface Refusal {
  readonly code: string;
  readonly kind: string;
  /** The fields the refusal names, in order. */
  readonly fields: string[];
}

/** The refusal a call ends with (its code, kind and fields); fails when it succeeds or throws anything else. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  const outcome = await call.then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error('expected a refusal, the call succeeded');
  if (!(outcome.error instanceof DomainError)) throw outcome.error;
  const { code, kind, details } = outcome.error;
  return { code, kind, fields: details.map((detail) => detail.field) };
}
