import type { SessionResponse } from '../api/types';
import { forgetWork, keepWork } from './drafts';

/**
 * The session outside React: the access token in memory only; the refresh token is an HttpOnly
 * cookie the page never sees (script, injected or ours, cannot read or leak it). This tab's
 * sessionStorage keeps a marker that a session was started, so a reload tries a refresh, and,
 * once a session has expired, the page and the text typed on it until the next login (drafts.ts).
 */
const MARKER_KEY = 'passerelle.session';
/** Sent on the calls that use the cookie: the API refuses them without it (cross-site forgery). */
export const CSRF_HEADERS = { 'X-Requested-With': 'passerelle-web' } as const;

type Listener = (state: SessionState) => void;
export type SessionState = 'anonymous' | 'authenticated' | 'expired';

let accessToken: string | null = null;
let state: SessionState = sessionStorage.getItem(MARKER_KEY) ? 'authenticated' : 'anonymous';
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener(state);
}

export const session = {
  state: (): SessionState => state,
  accessToken: (): string | null => accessToken,
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  start(tokens: Pick<SessionResponse, 'accessToken'>): void {
    accessToken = tokens.accessToken;
    sessionStorage.setItem(MARKER_KEY, '1');
    set('authenticated');
  },
  /** A new access token from the refresh cookie (one request at a time). */
  refresh(): Promise<boolean> {
    if (!sessionStorage.getItem(MARKER_KEY)) return Promise.resolve(false);
    refreshing ??= fetch('/auth/refresh', { method: 'POST', headers: CSRF_HEADERS, credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) return false;
        const body = (await response.json()) as SessionResponse;
        accessToken = body.accessToken;
        return true;
      })
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  },
  /** The session has ended (refresh refused): the page and its typed text are kept for after the next login. */
  expire(): void {
    if (state === 'authenticated') keepWork();
    accessToken = null;
    sessionStorage.removeItem(MARKER_KEY);
    if (state !== 'anonymous') set('expired');
  },
  end(): void {
    void fetch('/auth/logout', { method: 'POST', headers: CSRF_HEADERS, credentials: 'same-origin' }).catch(
      () => undefined,
    );
    accessToken = null;
    sessionStorage.removeItem(MARKER_KEY);
    forgetWork();
    set('anonymous');
  },
};
