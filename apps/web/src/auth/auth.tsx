import { createContext, type ReactNode, useContext, useEffect, useSyncExternalStore } from 'react';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { restoreWork } from './drafts';
import { session, type SessionState } from './session-store';

export type User = components['schemas']['UserResponse'];

interface Auth {
  readonly state: SessionState;
  readonly user: User | null;
  readonly setUser: (user: User | null) => void;
}

const AuthContext = createContext<Auth>({ state: 'anonymous', user: null, setUser: () => undefined });

/**
 * The signed-in user, as the login or the refresh that opened the session answered it (session-store.ts); asked
 * for only when the session is known from this tab but has not been refreshed yet (a reload on the login page).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.state);
  const user = useSyncExternalStore(session.subscribe, session.user);
  const missing = state === 'authenticated' && !user;
  useEffect(() => {
    if (!missing) return;
    ok(api.GET('/auth/me'))
      .then((me) => session.setUser(me))
      .catch(() => session.expire());
  }, [missing]);
  useEffect(() => {
    // Back after an expired session: the text typed then returns to its fields once the page shows them.
    if (state === 'authenticated' && user) restoreWork();
  }, [state, user]);
  if (missing)
    return (
      <p className="loading" role="status">
        Chargement…
      </p>
    );
  return (
    <AuthContext.Provider value={{ state, user, setUser: (next) => session.setUser(next) }}>
      {children}
    </AuthContext.Provider>
  );
}

export const useAuth = (): Auth => useContext(AuthContext);

export const hasRole = (user: User | null, ...roles: User['roles']): boolean =>
  !!user && user.roles.some((role) => roles.includes(role));
