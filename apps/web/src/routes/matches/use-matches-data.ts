import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, describeError, ok } from '../../api/client';
import type { BeneficiaryMatchesResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { CONTRACT_LABELS } from '../../ui/labels';
import { type AppliedSearch, matchesQuery, PAGE_SIZE } from './matches-search';

export type Match = BeneficiaryMatchesResponse['items'][number];

/** The page of offers matched to the person for the search in force (read again after a proposal). */
export function useMatchesData(id: string, applied: AppliedSearch) {
  const offset = (applied.page - 1) * PAGE_SIZE;
  return useApiData(
    () => ok(api.GET('/beneficiaries/{id}/matches', { params: { path: { id }, query: matchesQuery(applied) } })),
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
