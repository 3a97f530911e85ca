import { useCallback, useEffect, useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { components } from '../../api/types';

export type CoachLoads = components['schemas']['CoachLoadsResponse'];

/** Each coach's load against the cap (managers); `error` says why it could not be read. */
export function useCoachLoads(enabled = true): {
  loads: CoachLoads | null;
  error: string | null;
  reload: () => void;
} {
  const [loads, setLoads] = useState<CoachLoads | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    if (!enabled) return;
    setError(null);
    ok(api.GET('/coaches/loads'))
      .then(setLoads)
      .catch((caught: unknown) => setError(describeError(caught)));
  }, [enabled]);
  useEffect(reload, [reload]);
  return { loads, error, reload };
}
