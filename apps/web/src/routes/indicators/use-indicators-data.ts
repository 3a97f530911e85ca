import { api, ok } from '../../api/client';
import type { IndicatorValueResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { fetchStructures } from '../../features/structures/structures';
import { lastMonths, type Query, queryParams } from './period';

/** The two rates the trend chart follows, and how it draws them. */
export const SERIES = [
  { key: 'return_to_activity', label: 'Retour à l’activité ou à l’emploi', fill: '#00509e' },
  { key: 'rsa_exit_job_m1', label: 'Sortie du RSA liée à l’emploi à M+1', fill: 'url(#hatch-rsa)' },
] as const;

export interface MonthPoint {
  readonly label: string;
  readonly long: string;
  readonly values: Array<IndicatorValueResponse | undefined>;
}

/** The user's structures (to pick one), and the indicators asked for: overall, and by group when one is chosen. */
export function useIndicatorsData(query: Query) {
  const structures = useApiData(fetchStructures, []);
  const reports = useApiData(
    () =>
      Promise.all([
        ok(api.GET('/indicators', { params: { query: queryParams(query, 'none') } })),
        query.groupBy === 'none'
          ? Promise.resolve(null)
          : ok(api.GET('/indicators', { params: { query: queryParams(query) } })),
      ]).then(([overall, grouped]) => ({ overall, grouped })),
    [query],
    { clear: true },
  );
  return { structures: structures.data ?? [], reports };
}

/** The trend's rates for each of the last six months, each month computed as a period of its own. */
export function useTrend(today: string, structureId: string | null) {
  return useApiData(
    () => {
      const months = lastMonths(today);
      return Promise.all(
        months.map((month) =>
          ok(
            api.GET('/indicators', {
              params: {
                query: { from: month.from, to: month.to, groupBy: 'none', ...(structureId ? { structureId } : {}) },
              },
            }),
          ),
        ),
      ).then((reports): MonthPoint[] =>
        reports.map((report, index) => ({
          label: months[index].label,
          long: months[index].long,
          values: SERIES.map((series) =>
            report.groups[0]?.indicators.find((indicator) => indicator.key === series.key),
          ),
        })),
      );
    },
    [today, structureId],
    { clear: true },
  );
}
