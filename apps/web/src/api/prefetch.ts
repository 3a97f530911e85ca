import { CSRF_HEADERS, session } from '../auth/session-store';
import { requestKey } from './request-key';

/**
 * Reads asked for by the boot (boot.ts) before the application's code has loaded. After a reload of a signed-in
 * tab the session is refreshed (its answer names the signed-in user) and the screen's data are asked for at once,
 * while the bundle downloads and runs, instead of one after the other once it has. Each answer is handed once to the
 * screen's own identical GET (client.ts), only while the access token it was asked with is still the session's
 * (a logout or another login in between leaves it unused) and only within EARLY_ANSWER_TTL_MS; otherwise the
 * screen asks again.
 */
const EARLY_ANSWER_TTL_MS = 10_000;

interface EarlyRead {
  readonly at: number;
  readonly answer: Promise<{ token: string; response: Response } | null>;
}

const early = new Map<string, EarlyRead>();
/** Every early read, answered or not, taken or not. */
const asked: Array<Promise<unknown>> = [];

/**
 * Refreshes the session (the one refresh the application's first call would make, shared with it) and asks for
 * `paths` (same-origin API paths with their query) as soon as it has a token. Settles once the reads are sent
 * (or the refresh refused): the boot starts the application's code then, so that running it does not hold the
 * reads back (the browser would only send them once the code has run). A refused refresh ends the session here,
 * as the first call would: the login page then says it expired.
 */
export function prefetch(paths: readonly string[]): Promise<void> {
  const refreshed = session.refresh().then((ok) => {
    if (!ok) session.expire();
    return ok ? session.accessToken() : null;
  });
  for (const path of paths) {
    const answer = refreshed
      .then(async (token) => {
        if (!token) return null;
        const response = await fetch(path, {
          headers: { ...CSRF_HEADERS, Authorization: `Bearer ${token}` },
          credentials: 'same-origin',
        });
        return { token, response };
      })
      .catch(() => null);
    early.set(requestKey(path, window.location.origin), { at: Date.now(), answer });
    asked.push(answer);
  }
  // `fetch` sends as it is called: once the refresh has settled, every read above is on its way.
  return refreshed.then(() => undefined);
}

/**
 * The early answer to `request` if the boot asked for the very same GET, under the token the session holds now;
 * null otherwise (the caller then sends its request). An answer is given once.
 */
export async function takePrefetched(request: Request): Promise<Response | null> {
  if (request.method !== 'GET' || early.size === 0) return null;
  const key = requestKey(request.url, window.location.origin);
  const read = early.get(key);
  if (!read) return null;
  early.delete(key);
  if (Date.now() - read.at > EARLY_ANSWER_TTL_MS) return null;
  const answered = await read.answer;
  if (!answered || answered.token !== session.accessToken()) return null;
  return answered.response;
}

/** Settles once every early read has its answer (at once when the boot asked for none). */
export async function earlyReadsSettled(): Promise<void> {
  await Promise.allSettled(asked);
}
