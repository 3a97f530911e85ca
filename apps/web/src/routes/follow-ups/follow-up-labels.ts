import type { components } from '../../api/types';

type AnswerRequest = components['schemas']['FollowUpAnswerRequest'];
export type Difficulty = NonNullable<AnswerRequest['difficulties']>[number];

export const KIND_LABELS: Record<string, string> = {
  placement: 'Suivi dans l’emploi',
  coaching_end: 'Suivi après la fin de l’accompagnement',
};

export const MILESTONE_LABELS: Record<string, string> = { m1: 'M+1', m3: 'M+3', m6: 'M+6' };

export const DIFFICULTIES: ReadonlyArray<{ id: Difficulty; label: string }> = [
  { id: 'transport', label: 'Transport, mobilité' },
  { id: 'childcare', label: 'Garde d’enfants' },
  { id: 'hours', label: 'Horaires' },
  { id: 'relations_at_work', label: 'Relations au travail' },
  { id: 'health', label: 'Santé' },
  { id: 'pay', label: 'Rémunération' },
  { id: 'other', label: 'Autre' },
];
export const DIFFICULTY_LABELS: Record<string, string> = Object.fromEntries(DIFFICULTIES.map((d) => [d.id, d.label]));
