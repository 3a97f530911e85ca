import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { parisInstant, plusDays } from '../../features/agenda/agenda-time';

/** The coach's appointments from `first` (a Paris day) for `days` days. */
export function useAgendaData(first: string, days: number) {
  return useApiData(
    () =>
      ok(
        api.GET('/appointments', {
          params: {
            query: {
              from: parisInstant(first).toISOString(),
              to: parisInstant(plusDays(first, days)).toISOString(),
            },
          },
        }),
      ).then((page) => page.items),
    [first, days],
  );
}

/** The people of the coach's portfolio, to plan with. */
export function usePeopleData() {
  return useApiData(
    () =>
      ok(api.GET('/beneficiaries', { params: { query: { sort: 'name' } } })).then((page) =>
        page.items.map((item) => ({ id: item.id, label: `${item.firstName ?? ''} ${item.lastName ?? ''}`.trim() })),
      ),
    [],
  );
}

export type Person = { id: string; label: string };
