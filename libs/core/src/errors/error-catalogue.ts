import { DomainError, type DomainErrorKind, type ErrorDetail } from './domain-error.js';

/**
 * One error a context may answer, under its code (the key of its catalogue: `user.email_taken`).
 *
 * 400 or 422? 400 (`bad_request`) when the API cannot read the request as the endpoint expects: not
 * JSON, a field of the wrong type, format or length, a value outside its list, a required field
 * missing, an upload without its file, parameters the endpoint does not take together (the request
 * DTOs refuse most of these before any use case runs). 422 (`invalid`) when every field reads well
 * but the request breaks a rule: an end before its start, a field another one requires or excludes,
 * a code the referential does not know, a record the body names that does not exist or is out of
 * reach, a state that forbids the change, a policy (password, portfolio cap). The record the path
 * (or a query's filter) names is 404 when it is not there or out of reach; a clash with a record that
 * exists (a duplicate, an answer already given) is 409. README.md "API errors" says the same.
 */
export interface ErrorEntry {
  /** What failed: the API answers its HTTP status (one map in apps/api), the worker retries or not. */
  readonly kind: DomainErrorKind;
  /**
   * A second kind some throw sites give the same code (a code shared before the catalogue, kept so
   * clients see no change): they name it when they throw.
   */
  readonly alsoKind?: DomainErrorKind;
  /** What the user reads, in French (the API's `message` stays English, for programs and logs). */
  readonly fr: string;
}

/** A context's errors, code → entry; declared `as const satisfies ErrorCatalogue` so the web can read its types. */
export type ErrorCatalogue = Readonly<Record<string, ErrorEntry>>;

/** The kinds a throw site may give a code: its own, or the `alsoKind` its entry names. */
type KindChoice<Entry extends ErrorEntry> = Entry extends { readonly alsoKind: infer Also }
  ? [kind?: Entry['kind'] | Also]
  : [];

/** Builds the DomainError of one code of the catalogue; a code the catalogue does not declare does not compile. */
export type ErrorFactory<C extends ErrorCatalogue> = <Code extends keyof C & string>(
  code: Code,
  /** English, for programs and logs: the API answers it as `message`. */
  message: string,
  details?: readonly ErrorDetail[],
  ...kind: KindChoice<C[Code]>
) => DomainError;

/** The one way a context throws its errors: `throw identityError('user.not_found', 'no such user')`. */
export function errorFactory<C extends ErrorCatalogue>(catalogue: C): ErrorFactory<C> {
  return (code, message, details = [], ...kind) => {
    const entry = catalogue[code];
    const chosen = (kind as ReadonlyArray<DomainErrorKind | undefined>)[0];
    if (chosen !== undefined && chosen !== entry.kind && chosen !== entry.alsoKind)
      throw new Error(`${code} is not declared as ${chosen}`);
    return new DomainError(chosen ?? entry.kind, code, message, details);
  };
}
