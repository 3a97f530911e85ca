import { api, ok } from '../../api/client';
import type { IntroductionResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { fetchEmployer } from '../../features/employers/employer-detail';

const fetchIntroduction = (id: string): Promise<IntroductionResponse> =>
  ok(api.GET('/introductions/{id}', { params: { path: { id } } }));

/** The introduction (read again, quietly, after a link is sent or revoked: its stage and timeline change). */
export function useIntroductionData(id: string) {
  const introduction = useApiData(() => fetchIntroduction(id), [id], { clear: true });
  const refresh = () =>
    void fetchIntroduction(id)
      .then(introduction.setData)
      .catch(() => undefined);
  return { ...introduction, refresh };
}

/** Every skill and quality of the person's file the card may show (for the coach who edits it). */
export function useCardChoices(introductionId: string, enabled: boolean) {
  return useApiData(
    () => ok(api.GET('/introductions/{id}/card/choices', { params: { path: { id: introductionId } } })),
    [introductionId],
    { enabled },
  );
}

/** The employer's contacts with an e-mail (none when the employer is another structure's). */
export function useEmployerContacts(employerId: string) {
  const employer = useApiData(() => fetchEmployer(employerId), [employerId]);
  return employer.data?.contacts.filter((contact) => contact.email) ?? [];
}

/** The hire recorded for the introduction, if any. */
export function usePlacement(view: Pick<IntroductionResponse, 'id' | 'beneficiaryId'>) {
  return useApiData(
    () =>
      ok(api.GET('/placements', { params: { query: { beneficiaryId: view.beneficiaryId } } })).then(
        (page) => page.items.find((item) => item.introductionId === view.id) ?? null,
      ),
    [view.beneficiaryId, view.id],
  );
}
