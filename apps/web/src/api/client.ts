import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { CSRF_HEADERS, session } from '../auth/session-store';

/** An API answer that is not a success, with the API's code and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
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
  let response = await attempt(session.accessToken());
  if (response.status === 401 && !new URL(input.url).pathname.startsWith('/auth/login')) {
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

/** The data of a successful answer (typed by the caller where the document does not describe it), or an ApiError. */
export async function ok<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  const message = Array.isArray(body.message) ? body.message.join(', ') : (body.message ?? response.statusText);
  throw new ApiError(response.status, body.code ?? null, message, body.details ?? []);
}

/** What to tell the user about a failed request, in French. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'Vous n’avez pas accès à cette action.';
    if (error.status === 404) return 'Élément introuvable ou hors de votre périmètre.';
    if (error.status === 409) return `Conflit : ${error.message}.`;
    if (error.status >= 500) return 'Le service ne répond pas correctement ; réessayez dans un instant.';
    const fields = error.details.map((detail) => `${detail.field} : ${detail.reason}`).join(' ; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return 'Connexion au service impossible.';
}
