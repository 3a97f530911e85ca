import { type DependencyList, type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { describeError } from './client';

/** Data a screen reads from the API, with the French reason it could not, and ways to change or read it again. */
export interface ApiData<T> {
  /** Null until the answer comes (and after a failure). */
  readonly data: T | null;
  readonly error: string | null;
  /** Changes the data in place after a write the screen knows the outcome of (an item done, decided, saved). */
  readonly setData: Dispatch<SetStateAction<T | null>>;
  readonly setError: Dispatch<SetStateAction<string | null>>;
  /** Reads again, keeping what is shown until the answer comes. */
  readonly reload: () => void;
}

/**
 * Reads `read()` when the screen opens and whenever `deps` change (an answer to an older read is dropped).
 * With `enabled: false` nothing is read (a section the user's role does not show); with `clear`, what was shown
 * goes while a new read is on its way (another page, another filter); `describe` words the screen's own failures.
 */
export function useApiData<T>(
  read: () => Promise<T>,
  deps: DependencyList,
  {
    enabled = true,
    clear = false,
    describe = describeError,
  }: { enabled?: boolean; clear?: boolean; describe?: (caught: unknown) => string } = {},
): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    if (clear) setData(null);
    setError(null);
    read()
      .then((answer) => live && setData(() => answer))
      .catch((caught: unknown) => live && setError(describe(caught)));
    return () => {
      live = false;
    };
    // `read` is a new function on every render: what it reads is named by `deps`.
  }, [...deps, enabled, clear, version]);
  return { data, error, setData, setError, reload: () => setVersion((value) => value + 1) };
}
