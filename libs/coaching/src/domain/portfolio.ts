import type { PortfolioAlert } from './coaching.js';

export const PORTFOLIO_SORTS = ['name', 'last_contact', 'cer_end', 'alerts'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** What the portfolio sorts on. */
export interface Sortable {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly daysSinceLastContact: number | null;
  readonly cerEndDate: string | null;
  readonly alerts: readonly PortfolioAlert[];
}

/** The portfolio's order: by the chosen key, then by name (French collation), then id. */
export function portfolioOrder(sort: PortfolioSort, order: 'asc' | 'desc'): (a: Sortable, b: Sortable) => number {
  const sign = order === 'asc' ? 1 : -1;
  const byName = (a: Sortable, b: Sortable): number =>
    `${a.lastName ?? ''} ${a.firstName ?? ''}`.localeCompare(`${b.lastName ?? ''} ${b.firstName ?? ''}`, 'fr') ||
    a.id.localeCompare(b.id);
  // Unknown values (never contacted, no CER) sort as the most urgent.
  const key: Record<PortfolioSort, (entry: Sortable) => number> = {
    name: () => 0,
    last_contact: (entry) => -(entry.daysSinceLastContact ?? Number.MAX_SAFE_INTEGER),
    cer_end: (entry) => (entry.cerEndDate ? Date.parse(entry.cerEndDate) : Number.MAX_SAFE_INTEGER),
    alerts: (entry) => -entry.alerts.length,
  };
  return (a, b) => sign * (key[sort](a) - key[sort](b)) || byName(a, b);
}
