import type { DeclineReason, IntroductionStatus } from '../api/types';
import type { components } from '../api/schema';

/**
 * The French words for the API's codes that more than one screen shows, written once: contracts, working time,
 * roles, the stages of an introduction and the employers' answers. A screen's own codes stay in its folder.
 */

/* ------------------------------------------------------------------ contracts */

/** The contract types of offers and of what a person accepts (the API's list), in the order forms show them. */
export const OFFER_CONTRACT_TYPES = [
  'cdi',
  'cdd',
  'interim',
  'alternance',
  'saisonnier',
  'pmsmp',
  'independant',
  'other',
] as const;

export const CONTRACT_LABELS: Record<string, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  alternance: 'Alternance',
  saisonnier: 'Saisonnier',
  pmsmp: 'PMSMP',
  independant: 'Indépendant',
  contrat_aide: 'Contrat aidé',
  other: 'Autre',
};

/** The contracts a job (placement) may have: the offers' ones and the contrat aidé. */
export const PLACEMENT_CONTRACTS: ReadonlyArray<{
  id: components['schemas']['PlacementRequest']['contractType'];
  label: string;
}> = (['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'contrat_aide', 'independant', 'other'] as const).map(
  (id) => ({ id, label: CONTRACT_LABELS[id] ?? id }),
);

/* ------------------------------------------------------------------ working time */

/** Working time as offers, job analyses, searches and diagnostics name it (`any`: the person does not mind). */
export const WORKING_TIME_LABELS: Record<string, string> = {
  full_time: 'Temps plein',
  part_time: 'Temps partiel',
  any: 'Indifférent',
  unknown: 'Non précisé',
};

/** The working times a job has, for forms. */
export const WORKING_TIMES = (['full_time', 'part_time'] as const).map((id) => ({
  id,
  label: WORKING_TIME_LABELS[id],
}));

/* ------------------------------------------------------------------ roles */

export const ROLE_LABELS: Record<string, string> = {
  coach: 'Conseiller·ère',
  platform_staff: 'Chargé·e de relation entreprises',
  manager: 'Responsable',
  admin: 'Administration',
};

/* ------------------------------------------------------------------ introductions */

export const INTRODUCTION_STATUS_LABELS: Record<IntroductionStatus, string> = {
  proposed: 'Proposée',
  accepted: 'Acceptée par la personne',
  card_sent: 'Fiche envoyée',
  employer_interested: 'Employeur intéressé',
  interview: 'Entretien',
  trial: 'Immersion (PMSMP)',
  hired: 'Embauche',
  declined: 'Refusée',
  withdrawn: 'Retirée',
};

export const INTRODUCTION_STATUS_TONES: Partial<Record<IntroductionStatus, 'warning' | 'danger' | 'success'>> = {
  hired: 'success',
  declined: 'danger',
  withdrawn: 'warning',
};

export const DECLINE_REASONS: ReadonlyArray<{ id: DeclineReason; label: string }> = [
  { id: 'skills_mismatch', label: 'Compétences ne correspondant pas' },
  { id: 'schedule', label: 'Horaires incompatibles' },
  { id: 'distance', label: 'Trop loin' },
  { id: 'position_filled', label: 'Poste déjà pourvu' },
  { id: 'person_declined', label: 'La personne renonce' },
  { id: 'no_show', label: 'Absence à l’entretien' },
  { id: 'other', label: 'Autre motif' },
];

/** The employer's answer on the card page. */
export const EMPLOYER_ANSWER_LABELS: Record<string, string> = {
  interested: 'Souhaite rencontrer la personne',
  not_now: 'Pas pour le moment',
  question: 'Pose une question',
};

/** Why an employer said "not now" on a shortlist (the page's short list). */
export const REFUSAL_REASON_LABELS: Record<string, string> = {
  position_filled: 'Poste déjà pourvu',
  skills_mismatch: 'Savoir-faire ne correspondant pas',
  experience: 'Pas assez d’expérience',
  schedule: 'Horaires ou disponibilité',
  distance: 'Trop loin, pas de transport',
  not_hiring_now: 'Pas de recrutement pour le moment',
  other: 'Autre raison',
};
