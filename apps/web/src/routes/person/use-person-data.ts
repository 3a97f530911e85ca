import { useCallback, useEffect, useRef, useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse, PlacementResponse } from '../../api/types';

/**
 * A person's file, what the last change did (or why it failed), the photo (through the API with the session's
 * token, shown from an object URL), and `act`: one change at a time, then the file read again.
 */
export function usePersonData(id: string) {
  const [file, setFile] = useState<BeneficiaryFileResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [photoUrl, setPhotoUrl] = useState<string | null>(null);
  const [photoVersion, setPhotoVersion] = useState(0);

  const load = useCallback(
    () =>
      ok(api.GET('/beneficiaries/{id}', { params: { path: { id } } }))
        .then(setFile)
        .catch((caught: unknown) => setError(describeError(caught))),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    let url: string | null = null;
    api
      .GET('/beneficiaries/{id}/photo', { params: { path: { id } }, parseAs: 'blob' })
      .then(({ data, response }) => {
        if (response.ok && data) {
          url = URL.createObjectURL(data);
          setPhotoUrl(url);
        } else setPhotoUrl(null);
      })
      .catch(() => setPhotoUrl(null));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, photoVersion]);

  // One change at a time: a second click while the first is on its way sends nothing.
  const busy = useRef(false);
  const act = async (what: string, call: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    setNotice(null);
    try {
      await call();
      await load();
      setNotice(what);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      busy.current = false;
    }
  };

  /** After a section saved a change itself: the file read again, and what was done said. */
  const changed = async (message: string) => {
    await load();
    setError(null);
    setNotice(message);
  };

  return {
    file,
    error,
    setError,
    notice,
    setNotice,
    load,
    act,
    changed,
    photoUrl,
    photoChanged: () => setPhotoVersion((version) => version + 1),
  };
}

export type PersonData = ReturnType<typeof usePersonData>;

/** The person's jobs (placements), read again after one is recorded or ended. */
export function usePlacements(beneficiaryId: string) {
  const [placements, setPlacements] = useState<PlacementResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      ok(api.GET('/placements', { params: { query: { beneficiaryId } } }))
        .then((page) => setPlacements(page.items))
        .catch((caught: unknown) => setError(describeError(caught))),
    [beneficiaryId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return { placements, error, load };
}
