import { api, ok, pending } from '../../api/client';
import type { EmployerView, IntroductionSummary } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { fetchEmployer } from '../../features/employers/employer-detail';

/** An employer's next action, due today or late. */
export interface DueAction {
  readonly id: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly nextAction: string;
  readonly nextActionOn: string;
}

/**
 * What the mediators' desk reads when it opens: the introductions by stage, the employers' actions due, the pending
 * candidate requests and the 48-hour report. What the user's roles do not show is not read.
 */
export function useMediationData({ employers, requests }: { employers: boolean; requests: boolean }) {
  const introductions = useApiData(
    () => pending<{ items: IntroductionSummary[] }>(api.GET('/introductions')).then((page) => page.items),
    [],
  );
  const dueActions = useApiData(
    () => pending<{ items: DueAction[] }>(api.GET('/employers/follow-ups')).then((page) => page.items),
    [],
    { enabled: employers },
  );
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
      pending<{ items: EmployerView[] }>(
        api.GET('/employers', { params: { query: search.trim() ? { q: search.trim() } : {} } }),
      ).then((page) => page.items),
    [search],
  );
}

/** One employer's card, read when the mediator opens it. */
export function useEmployerDetail(employerId: string) {
  return useApiData(() => fetchEmployer(employerId), [employerId]);
}
