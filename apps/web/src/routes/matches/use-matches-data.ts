import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { BeneficiaryMatchesResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { CONTRACT_LABELS } from '../../ui/labels';

export type Match = BeneficiaryMatchesResponse['items'][number];

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

/** The page of offers matched to the person for the search in force (read again after a proposal). */
export function useMatchesData(id: string, applied: AppliedSearch) {
  const offset = (applied.page - 1) * PAGE_SIZE;
  return useApiData(
    () =>
      ok(
        api.GET('/beneficiaries/{id}/matches', {
          params: {
            path: { id },
            query: {
              limit: PAGE_SIZE,
              offset,
              ...(applied.km !== null ? { maxDistanceKm: applied.km } : {}),
              ...(applied.contracts && applied.contracts.length > 0
                ? { contractTypes: applied.contracts.join(',') }
                : {}),
              ...(applied.workingTime ? { workingTime: applied.workingTime } : {}),
            },
          },
        }),
      ),
    [id, offset, applied],
  );
}

/**
 * Why the offer fits, in plain words for the person, as their space shows it with the proposal: a few of the skills
 * in common, the occupation, place, contract, working time and hours (at most 8 lines of 300 characters, as the API
 * takes them).
 */
export function explainToPerson(match: Match): string[] {
  const why = match.explanation;
  return [
    why.matchingSkills.length > 0
      ? `Vos compétences utiles : ${why.matchingSkills.slice(0, 4).join(', ')}${why.matchingSkills.length > 4 ? ' et d’autres' : ''}.`
      : null,
    why.occupationPath ? `Votre parcours : ${why.occupationPath}.` : null,
    `Lieu : ${match.placeLabel}, ${why.place}.`,
    `Contrat : ${CONTRACT_LABELS[match.contractType] ?? match.contractType}, un contrat que vous acceptez.`,
    `Temps de travail : ${why.workingTimeFit}.`,
    `Horaires : ${why.scheduleFit}.`,
  ]
    .filter((line): line is string => line !== null)
    .map((line) => (line.length > 300 ? `${line.slice(0, 299)}…` : line));
}

/**
 * Proposing an offer to the person (then the list read again) and opening an introduction for it; when the offer
 * names no employer the API can use, the offer's card asks for one (`choosing`). Problems are told per offer.
 */
export function useMatchActions(id: string, reload: () => void) {
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  const propose = async (match: Match) => {
    setNotice(null);
    try {
      await ok(
        api.POST('/beneficiaries/{id}/proposals', {
          params: { path: { id } },
          body: { offerId: match.id, score: match.score, explanation: explainToPerson(match) },
        }),
      );
      setNotice(`Offre « ${match.title} » proposée.`);
      reload();
    } catch (caught) {
      setProblems((current) => ({ ...current, [match.id]: describeError(caught) }));
    }
  };

  /** Opens the introduction; the employer comes from the offer unless given. Null when done, else the API's refusal. */
  const introduce = async (match: Match, choice: Record<string, unknown> = {}): Promise<ApiError | null> => {
    setProblems(({ [match.id]: _cleared, ...rest }) => rest);
    try {
      const introduction = await ok(
        api.POST('/introductions', { body: { beneficiaryId: id, offerId: match.id, ...choice } }),
      );
      void navigate(`/mises-en-relation/${introduction.id}`);
      return null;
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        [
          'introduction.no_employer',
          'introduction.employer_commune_required',
          'introduction.invalid_employer',
        ].includes(caught.code ?? '')
      ) {
        setChoosing(match.id);
        return caught;
      }
      setProblems((current) => ({ ...current, [match.id]: describeError(caught) }));
      return caught instanceof ApiError ? caught : new ApiError(0, null, describeError(caught));
    }
  };

  return { notice, choosing, setChoosing, problems, propose, introduce };
}
