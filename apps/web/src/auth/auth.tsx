import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
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

/** The signed-in user, loaded once the session holds tokens (after a login or a reload). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.state);
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(state === 'authenticated');
  useEffect(() => {
    if (state !== 'authenticated') {
      setUser(null);
      setLoading(false);
      return;
    }
    if (user) {
      // Back after an expired session: the text typed then returns to its fields once the page shows them.
      restoreWork();
      return;
    }
    setLoading(true);
    ok(api.GET('/auth/me'))
      .then(setUser)
      .catch(() => session.expire())
      .finally(() => setLoading(false));
  }, [state, user]);
  if (loading)
    return (
      <p className="loading" role="status">
        Chargement…
      </p>
    );
  return <AuthContext.Provider value={{ state, user, setUser }}>{children}</AuthContext.Provider>;
}

export const useAuth = (): Auth => useContext(AuthContext);

export const hasRole = (user: User | null, ...roles: User['roles']): boolean =>
  !!user && user.roles.some((role) => roles.includes(role));
