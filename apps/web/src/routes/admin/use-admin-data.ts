import { useCallback, useEffect, useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { fetchStructures } from '../../features/structures/structures';
import type { User } from './admin-labels';

const PAGE_SIZE = 200;

/** The structures, shared by the accounts (their structure) and the structures' own section. */
export function useAdminData() {
  return useApiData(fetchStructures, []);
}

/** The accounts, 200 at a time: `load(0)` reads the first ones again, `load(shown)` adds the next ones. */
export function useUsers() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((offset = 0) => {
    ok(api.GET('/users', { params: { query: { limit: PAGE_SIZE, offset } } }))
      .then((page) => {
        setUsers((current) => (offset === 0 ? page.items : [...(current ?? []), ...page.items]));
        setTotal(page.total);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);
  useEffect(() => load(0), [load]);
  return { users, setUsers, total, error, setError, load };
}

/** The settings in force, with their environment values. */
export function useSettings() {
  return useApiData(() => ok(api.GET('/settings')), []);
}
