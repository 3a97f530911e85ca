import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/** The outcomes' errors (jobs found, follow-ups, indicators), code → kind and the French the user reads; 400 or 422: see ErrorEntry in libs/core. */
export const OUTCOMES_ERRORS = {
  'follow_up.answered': { kind: 'conflict', fr: 'Ce suivi a déjà été renseigné.' },
  'follow_up.employer_answered': { kind: 'conflict', fr: 'L’employeur a déjà répondu à ce suivi.' },
  'follow_up.no_contact_email': {
    kind: 'invalid',
    fr: 'Ce contact n’a pas d’adresse e-mail chez cet employeur : choisissez-en un autre ou ajoutez son adresse.',
  },
  'follow_up.no_employer': {
    kind: 'invalid',
    fr: 'Cet emploi n’est rattaché à aucun employeur connu : le formulaire ne peut pas lui être envoyé.',
  },
  'follow_up.invalid': { kind: 'invalid', fr: 'Ce suivi ne peut pas recevoir cette réponse maintenant.' },
  'follow_up.not_found': { kind: 'not_found', fr: 'Ce suivi n’existe pas ou ne vous est pas attribué.' },
  'follow_up_link.not_found': { kind: 'not_found', fr: 'Ce lien n’existe pas ou a déjà été désactivé.' },
  'follow_up_link.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes pour ce formulaire de suivi : réessayez dans une minute.',
  },
  'indicators.period': { kind: 'invalid', fr: 'La période se termine avant de commencer.' },
  'placement.end_before_start': { kind: 'invalid', fr: 'L’emploi ne peut pas finir avant d’avoir commencé.' },
  'placement.end_in_future': { kind: 'invalid', fr: 'Enregistrez la fin de l’emploi une fois qu’elle a eu lieu.' },
  'placement.exists': { kind: 'conflict', fr: 'L’embauche de cette mise en relation est déjà enregistrée.' },
  'placement.incomplete': { kind: 'invalid', fr: 'Indiquez la personne et l’employeur.' },
  'placement.invalid': { kind: 'invalid', fr: 'Cet emploi n’est pas cohérent : corrigez les champs signalés.' },
  'placement.not_found': { kind: 'not_found', fr: 'Cet emploi n’existe pas.' },
  'placement.not_hired': {
    kind: 'invalid',
    fr: 'Un emploi s’enregistre sur une mise en relation qui a abouti à une embauche.',
  },
} as const satisfies ErrorCatalogue;

export type OutcomesErrorCode = keyof typeof OUTCOMES_ERRORS;

export const outcomesError = errorFactory(OUTCOMES_ERRORS);
