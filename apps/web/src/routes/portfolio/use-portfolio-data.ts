import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { portfolioQuery, type Sort } from './portfolio-sorts';

/** The coach's portfolio in the order chosen (the list goes while the new order is read). */
export function usePortfolioData(sort: Sort) {
  return useApiData(
    () => ok(api.GET('/beneficiaries', { params: { query: portfolioQuery(sort) } })).then((page) => page.items),
    [sort],
    { clear: true },
  );
}
