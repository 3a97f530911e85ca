/**
 * The orders of the portfolio and the request each makes. Kept apart from the screen's code (no import): the boot
 * (boot.ts) asks for the portfolio in its first order before that code loads.
 */
export const SORTS = [
  { id: 'alerts', label: 'Alertes d’abord' },
  { id: 'last_contact', label: 'Dernier contact le plus ancien' },
  { id: 'cer_end', label: 'Fin de CER la plus proche' },
  { id: 'name', label: 'Nom' },
] as const;
export type Sort = (typeof SORTS)[number]['id'];
/** The order the page opens in. */
export const FIRST_SORT: Sort = SORTS[0].id;

/** The query of `GET /beneficiaries` for that order. */
export const portfolioQuery = (sort: Sort) => ({ sort });

/** What the page reads as it opens, for the boot to ask early: the same request as `usePortfolioData`. */
export function portfolioFirstReads(): string[] {
  return [`/beneficiaries?${new URLSearchParams(portfolioQuery(FIRST_SORT)).toString()}`];
}
