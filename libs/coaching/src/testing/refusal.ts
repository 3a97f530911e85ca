import type { DomainError } from '@passerelle/core';

/** The error a use case refused with; fails the test when it did not refuse. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal, the use case went through');
}
