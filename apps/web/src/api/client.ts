import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { CSRF_HEADERS, session } from '../auth/session-store';
import type { ApiErrorCode } from './error-codes';
import { problemInFrench } from './errors-fr';
import { placeFieldErrors } from '../ui/field-errors';
import { takePrefetched } from './prefetch';

/**
 * An API answer that is not a success, with the API's code and the fields at fault. The code is typed from the catalogues,
 * so a page comparing it with a code the API never answers does not compile.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | null,
    message: string,
    readonly details: ReadonlyArray<{ field: string; reason: string }> = [],
  ) {
    super(message);
  }
}

/**
 * Every request carries the access token; a 401 on an expired token refreshes it once and retries,
 * and a failed refresh ends the session (the login page then says the session expired).
 */
async function authedFetch(input: Request): Promise<Response> {
  const attempt = (token: string | null): Promise<Response> => {
    const request = input.clone();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(CSRF_HEADERS)) request.headers.set(name, value);
    return fetch(request);
  };
  const isLogin = new URL(input.url).pathname.startsWith('/auth/login');
  // The same read asked for by the boot while the code loaded (prefetch.ts): its answer, once.
  let response = await takePrefetched(input);
  if (!response) {
    // After a reload the token is gone from memory but the cookie may hold a session: refresh first
    // rather than send a request bound to be refused (one round trip fewer on every page load).
    if (!session.accessToken() && session.state() === 'authenticated' && !isLogin) await session.refresh();
    response = await attempt(session.accessToken());
  }
  if (response.status === 401 && !isLogin) {
    if (await session.refresh()) response = await attempt(session.accessToken());
    else session.expire();
  }
  return response;
}

/** The typed client: paths, parameters and bodies come from the API's OpenAPI document (schema.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authedFetch });

interface ErrorBody {
  message?: string | string[];
  code?: string;
  details?: Array<{ field: string; reason: string }>;
}

/** What openapi-fetch gives for a request: the answer's data (typed by its path in schema.ts) or its error. */
type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** The data of a successful answer, typed by the path it was asked of, or an ApiError. */
export async function ok<T>(call: Answer<T>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  const message = Array.isArray(body.message) ? body.message.join(', ') : (body.message ?? response.statusText);
  // A code this build does not know (a newer API) is carried as is: the French falls back on the status.
  const problem = new ApiError(
    response.status,
    (body.code as ApiErrorCode | undefined) ?? null,
    message,
    body.details ?? [],
  );
  // Every page benefits: a refused field gets its French message beside it, unless the page shows one itself.
  if ((problem.status === 400 || problem.status === 422) && problem.details.length > 0)
    placeFieldErrors(problem.details);
  throw problem;
}

/** What to tell the user about a failed request, in French (the catalogue in errors-fr.ts). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return problemInFrench(error);
  return 'Connexion au service impossible.';
}
