/**
 * What went wrong, in business terms. Use cases throw DomainError, built from their context's
 * catalogue of codes (error-catalogue.ts, which also says when 400 and when 422); the API maps `kind`
 * to an HTTP status in one filter and the worker maps it to retry-or-give-up, so neither leaks into
 * the domain.
 */
export type DomainErrorKind =
  /** The request cannot be read as the endpoint expects (a multipart body without its file): 400. */
  | 'bad_request'
  /** The request reads well but breaks a rule (dates out of order, an unknown code, a state): 422. */
  | 'invalid'
  | 'not_found'
  | 'conflict'
  /** The upload or body is over its size limit: 413. */
  | 'too_large'
  | 'forbidden'
  | 'unauthenticated'
  | 'too_many_requests'
  | 'unavailable';

export interface ErrorDetail {
  /** The input field at fault, dotted for nested fields (`profile.experiences.0.romeCode`). */
  readonly field: string;
  readonly reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine code, e.g. `beneficiary.not_found`: clients may branch on it. */
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** Whether trying the same job again later can succeed. */
  get retryable(): boolean {
    return this.kind === 'unavailable' || this.kind === 'too_many_requests';
  }
}
