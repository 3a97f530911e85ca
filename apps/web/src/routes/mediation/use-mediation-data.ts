import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { fetchEmployer } from '../../features/employers/employer-detail';

/**
 * What the mediators' desk reads when it opens: the introductions by stage, the employers' actions due, the pending
 * candidate requests and the 48-hour report. What the user's roles do not show is not read.
 */
export function useMediationData({ employers, requests }: { employers: boolean; requests: boolean }) {
  const introductions = useApiData(() => ok(api.GET('/introductions')).then((page) => page.items), []);
  const dueActions = useApiData(() => ok(api.GET('/employers/follow-ups')).then((page) => page.items), [], {
    enabled: employers,
  });
  const candidateRequests = useApiData(
    () => ok(api.GET('/candidate-requests', { params: { query: { status: 'pending' } } })).then((page) => page.items),
    [],
    { enabled: requests },
  );
  const capturedOffers = useApiData(() => ok(api.GET('/mediation/captured-offers')), []);
  return { introductions, dueActions, candidateRequests, capturedOffers };
}

/** The employers found by a search (name or SIRET; all of the user's structures' when empty). */
export function useEmployers(search: string) {
  return useApiData(
    () =>
      ok(api.GET('/employers', { params: { query: search.trim() ? { q: search.trim() } : {} } })).then(
        (page) => page.items,
      ),
    [search],
  );
}

/** One employer's card, read when the mediator opens it. */
export function useEmployerDetail(employerId: string) {
  return useApiData(() => fetchEmployer(employerId), [employerId]);
}
