import { useState } from 'react';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { RunResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { OFFER_CONTRACT_TYPES } from '../../ui/labels';

export const PAGE_SIZE = 50;
export type ContractFilter = (typeof OFFER_CONTRACT_TYPES)[number] | 'all';
export type StatusFilter = 'open' | 'closed' | 'all';

/** The search as the address says it (`?q=soudeur&departement=59&contrat=cdi&statut=closed&debut=50`). */
export interface OffersSearch {
  readonly words: string;
  readonly departement: string;
  readonly contract: ContractFilter;
  readonly status: StatusFilter;
  readonly offset: number;
}

export function readSearch(params: URLSearchParams): OffersSearch {
  return {
    words: params.get('q') ?? '',
    departement: params.get('departement') ?? '',
    contract: (params.get('contrat') ?? 'all') as ContractFilter,
    status: (params.get('statut') ?? 'open') as StatusFilter,
    offset: Number(params.get('debut') ?? '0') || 0,
  };
}

/** The page of offers the search finds (read again, from scratch, after a posting). */
export function useOffersData(applied: OffersSearch) {
  const keywords = applied.words.trim();
  return useApiData(
    () =>
      ok(
        api.GET('/offers', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: applied.offset,
              // Keywords are searched on the server, in every open offer: not only this page.
              ...(keywords ? { q: keywords } : {}),
              ...(applied.departement ? { departement: applied.departement } : {}),
              ...(applied.contract !== 'all' ? { contractType: applied.contract } : {}),
              ...(applied.status !== 'all' ? { status: applied.status } : {}),
            },
          },
        }),
      ),
    [applied.offset, keywords, applied.departement, applied.contract, applied.status],
    {
      clear: true,
      describe: (caught) =>
        caught instanceof ApiError && caught.code === 'matching.index_not_ready'
          ? 'La recherche par mots-clés n’est pas encore prête (l’index des offres se construit) : réessayez dans quelques minutes, ou cherchez sans mot-clé.'
          : caught instanceof ApiError && caught.code === 'offers.search_scope'
            ? 'La recherche par mots-clés porte sur les offres ouvertes : choisissez « Ouvertes » ou retirez les mots-clés.'
            : describeError(caught),
    },
  );
}

/** The ingestion sources (platform staff), each with its last three runs or why they could not be read. */
export function useSources() {
  const [runs, setRuns] = useState<Record<string, RunResponse[] | string>>({});
  const sources = useApiData(
    () =>
      ok(api.GET('/sources')).then((list) => {
        for (const source of list)
          ok(api.GET('/sources/{id}/runs', { params: { path: { id: source.id }, query: { limit: 3 } } }))
            .then((page) => setRuns((previous) => ({ ...previous, [source.id]: page.items })))
            .catch((caught: unknown) => setRuns((previous) => ({ ...previous, [source.id]: describeError(caught) })));
        return list;
      }),
    [],
  );
  return { ...sources, runs };
}

/** The records a run rejected, read when the run is opened. */
export function useRejections(runId: string | null) {
  return useApiData(
    () => ok(api.GET('/runs/{id}/rejections', { params: { path: { id: runId ?? '' }, query: { limit: 100 } } })),
    [runId],
    { enabled: runId !== null, clear: true },
  );
}
