import type { paths } from '../../api/schema';

/** The API's groupings (the generated schema), each offered below. */
export type GroupBy = NonNullable<paths['/indicators']['get']['parameters']['query']['groupBy']>;

/** The indicators asked for: a period, a grouping, one structure or all of the user's. */
export interface Query {
  readonly from: string;
  readonly to: string;
  readonly groupBy: GroupBy;
  readonly structureId: string | null;
}

export const GROUP_LABELS: Record<GroupBy, string> = {
  none: 'Ensemble',
  coach: 'Par conseiller·ère',
  structure: 'Par structure',
  commune: 'Par commune de résidence',
  departement: 'Par département de résidence',
};
export const GROUPS = (Object.keys(GROUP_LABELS) as GroupBy[]).map((id) => ({ id, label: GROUP_LABELS[id] }));

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const MONTH_LONG = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const pad = (value: number): string => String(value).padStart(2, '0');
/** The last day of a month (1–12) as `YYYY-MM-DD`. */
const monthEnd = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
const minDate = (a: string, b: string): string => (a < b ? a : b);
export const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export function presets(today: string): Preset[] {
  const year = Number(today.slice(0, 4));
  const list: Preset[] = [
    { id: 'year', label: `Année ${year} (jusqu’à aujourd’hui)`, from: `${year}-01-01`, to: today },
  ];
  for (let quarter = 1; quarter <= 4; quarter++) {
    const from = `${year}-${pad(quarter * 3 - 2)}-01`;
    if (from > today) break;
    const end = monthEnd(year, quarter * 3);
    list.push({
      id: `q${quarter}`,
      label: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year}${end > today ? ' (jusqu’à aujourd’hui)' : ''}`,
      from,
      to: minDate(end, today),
    });
  }
  list.push({ id: 'last_year', label: `Année ${year - 1}`, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` });
  for (let quarter = 4; quarter >= 1; quarter--)
    list.push({
      id: `last_q${quarter}`,
      label: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year - 1}`,
      from: `${year - 1}-${pad(quarter * 3 - 2)}-01`,
      to: monthEnd(year - 1, quarter * 3),
    });
  return list;
}

/** The six months ending with the current one (the current one up to today). */
export function lastMonths(today: string, count = 6): Array<{ from: string; to: string; label: string; long: string }> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    return {
      from: `${y}-${pad(m)}-01`,
      to: minDate(monthEnd(y, m), today),
      label: MONTH.format(date),
      long: MONTH_LONG.format(date),
    };
  });
}

/** The query parameters of GET /indicators (and of its CSV export). */
export function queryParams(query: Query, groupBy: GroupBy = query.groupBy) {
  return {
    from: query.from,
    to: query.to,
    groupBy,
    ...(query.structureId ? { structureId: query.structureId } : {}),
  };
}
