/**
 * The search of the matched-offers page as its address says it, and the request it makes of the API. Kept apart
 * from the screen's code (no import): the boot (boot.ts) asks for the same page of offers before that code loads.
 */
export const CONTRACTS = ['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'independant'] as const;
export type Contract = (typeof CONTRACTS)[number];
export const WORKING_TIMES = ['any', 'full_time', 'part_time'] as const;
/** Offers per page; the API pages up to an offset of 250. */
export const PAGE_SIZE = 20;
export const MAX_OFFSET = 250;

/** The search as the address says it (`?km=10&contrats=cdi&temps=any&page=2`), so a reload or a shared link keeps it. */
export interface AppliedSearch {
  readonly km: number | null;
  readonly contracts: Contract[] | null;
  readonly workingTime: (typeof WORKING_TIMES)[number] | null;
  readonly page: number;
}

export function readSearch(params: URLSearchParams): AppliedSearch {
  const km = Number(params.get('km'));
  const contracts = params.get('contrats');
  const workingTime = params.get('temps');
  const page = Math.floor(Number(params.get('page')));
  return {
    km: Number.isInteger(km) && km >= 1 && km <= 200 ? km : null,
    contracts:
      contracts === null
        ? null
        : contracts.split(',').filter((contract): contract is Contract => CONTRACTS.includes(contract as Contract)),
    workingTime: WORKING_TIMES.find((value) => value === workingTime) ?? null,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, Math.floor(MAX_OFFSET / PAGE_SIZE) + 1) : 1,
  };
}

/** The query of `GET /beneficiaries/{id}/matches` for that search. */
export function matchesQuery(applied: AppliedSearch) {
  return {
    limit: PAGE_SIZE,
    offset: (applied.page - 1) * PAGE_SIZE,
    ...(applied.km !== null ? { maxDistanceKm: applied.km } : {}),
    ...(applied.contracts && applied.contracts.length > 0 ? { contractTypes: applied.contracts.join(',') } : {}),
    ...(applied.workingTime ? { workingTime: applied.workingTime } : {}),
  };
}

/** What the page reads as it opens, for the boot to ask early: the same request as `useMatchesData`. */
export function matchesFirstReads(id: string, params: URLSearchParams): string[] {
  const query = Object.entries(matchesQuery(readSearch(params))).map(([name, value]) => [name, String(value)]);
  return [`/beneficiaries/${encodeURIComponent(id)}/matches?${new URLSearchParams(query).toString()}`];
}
