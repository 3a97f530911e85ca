import { useEffect, useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { FollowUpResponse } from '../../api/types';

export type State = 'due' | 'overdue' | 'upcoming' | 'answered';

/** The follow-ups in one state, and how many are overdue (whatever the tab); read again after an answer. */
export function useFollowUpsData(state: State) {
  const [items, setItems] = useState<FollowUpResponse[] | null>(null);
  const [overdue, setOverdue] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    ok(api.GET('/follow-ups', { params: { query: { state } } }))
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        if (state === 'overdue') setOverdue(page.items.length);
      })
      .catch((caught: unknown) => live && setError(describeError(caught)));
    if (state !== 'overdue')
      ok(api.GET('/follow-ups', { params: { query: { state: 'overdue' } } }))
        .then((page) => live && setOverdue(page.items.length))
        .catch(() => live && setOverdue(null));
    return () => {
      live = false;
    };
  }, [state, version]);

  return { items, overdue, error, reload: () => setVersion((value) => value + 1) };
}
