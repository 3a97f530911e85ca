import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';

export const SORTS = [
  { id: 'alerts', label: 'Alertes d’abord' },
  { id: 'last_contact', label: 'Dernier contact le plus ancien' },
  { id: 'cer_end', label: 'Fin de CER la plus proche' },
  { id: 'name', label: 'Nom' },
] as const;
export type Sort = (typeof SORTS)[number]['id'];

/** The coach's portfolio in the order chosen (the list goes while the new order is read). */
export function usePortfolioData(sort: Sort) {
  return useApiData(
    () => ok(api.GET('/beneficiaries', { params: { query: { sort } } })).then((page) => page.items),
    [sort],
    { clear: true },
  );
}
