/**
 * The session outside React: the access token in memory only, the refresh token in this tab's
 * sessionStorage (a reload keeps the session; closing the tab ends it).
 */
const REFRESH_KEY = 'passerelle.refresh';

type Listener = (state: SessionState) => void;
export type SessionState = 'anonymous' | 'authenticated' | 'expired';

let accessToken: string | null = null;
let state: SessionState = sessionStorage.getItem(REFRESH_KEY) ? 'authenticated' : 'anonymous';
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
  start(tokens: { accessToken: string; refreshToken: string }): void {
    accessToken = tokens.accessToken;
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    set('authenticated');
  },
  /** A new access token from the refresh token (one request at a time). */
  refresh(): Promise<boolean> {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return Promise.resolve(false);
    refreshing ??= fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    })
      .then(async (response) => {
        if (!response.ok) return false;
        const body = (await response.json()) as { accessToken: string; refreshToken: string };
        accessToken = body.accessToken;
        sessionStorage.setItem(REFRESH_KEY, body.refreshToken);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  },
  expire(): void {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
    if (state !== 'anonymous') set('expired');
  },
  end(): void {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (refreshToken)
      void fetch('/auth/logout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken ?? ''}` },
        body: JSON.stringify({ refreshToken }),
      }).catch(() => undefined);
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
    set('anonymous');
  },
};
