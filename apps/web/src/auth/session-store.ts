import type { SessionResponse, UserResponse } from '../api/types';
import { forgetWork, keepWork } from './drafts';

/**
 * The session outside React: the access token in memory only; the refresh token is an HttpOnly
 * cookie the page never sees (script, injected or ours, cannot read or leak it). The signed-in user comes
 * with the tokens (login and refresh answer it), so a reload learns who it is without asking. This tab's
 * sessionStorage keeps a marker that a session was started, so a reload tries a refresh, and,
 * once a session has expired, the page and the text typed on it until the next login (drafts.ts).
 */
const MARKER_KEY = 'passerelle.session';
/** Sent on the calls that use the cookie: the API refuses them without it (cross-site forgery). */
export const CSRF_HEADERS = { 'X-Requested-With': 'passerelle-web' } as const;

type Listener = () => void;
export type SessionState = 'anonymous' | 'authenticated' | 'expired';

let accessToken: string | null = null;
let user: UserResponse | null = null;
let state: SessionState = sessionStorage.getItem(MARKER_KEY) ? 'authenticated' : 'anonymous';
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

function set(next: SessionState): void {
  state = next;
  notify();
}

export const session = {
  state: (): SessionState => state,
  accessToken: (): string | null => accessToken,
  /** The signed-in user, as the last login or refresh answered it (or as a page changed it since). */
  user: (): UserResponse | null => user,
  setUser(next: UserResponse | null): void {
    user = next;
    notify();
  },
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  start(tokens: Pick<SessionResponse, 'accessToken' | 'user'>): void {
    accessToken = tokens.accessToken;
    user = tokens.user;
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
        // Unchanged, the same object: a refresh in the middle of a page re-renders nothing.
        if (JSON.stringify(user) !== JSON.stringify(body.user)) {
          user = body.user;
          notify();
        }
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
    user = null;
    sessionStorage.removeItem(MARKER_KEY);
    if (state !== 'anonymous') set('expired');
  },
  end(): void {
    void fetch('/auth/logout', { method: 'POST', headers: CSRF_HEADERS, credentials: 'same-origin' }).catch(
      () => undefined,
    );
    accessToken = null;
    user = null;
    sessionStorage.removeItem(MARKER_KEY);
    forgetWork();
    set('anonymous');
  },
};
