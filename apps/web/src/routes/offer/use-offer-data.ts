import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';

/** The offer. */
export function useOfferData(id: string) {
  return useApiData(() => ok(api.GET('/offers/{id}', { params: { path: { id } } })), [id], {
    clear: true,
  });
}

/** The 20 people best ranked for the offer (reverse matching), pseudonymised until their coach agrees. */
export function useCandidates(offerId: string) {
  return useApiData(
    () => ok(api.GET('/offers/{id}/candidates', { params: { path: { id: offerId }, query: { limit: 20 } } })),
    [offerId],
  );
}
