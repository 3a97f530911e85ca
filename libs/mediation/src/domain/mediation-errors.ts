import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/**
 * Mediation's errors (employers, contacts and interactions, job analyses, introductions and their
 * cards, candidates for an offer), code → kind and the French the user reads; 400 or 422: see
 * ErrorEntry in libs/core.
 */
export const MEDIATION_ERRORS = {
  'candidate.already_requested': { kind: 'conflict', fr: 'Cette personne a déjà été demandée pour cette offre.' },
  'candidate.no_referent': {
    kind: 'invalid',
    fr: 'Cette personne n’a pas encore de conseiller·ère référent·e à qui la demander.',
  },
  'candidate.not_found': { kind: 'not_found', fr: 'Cette candidature n’existe pas pour cette offre.' },
  'candidate.reason_required': { kind: 'invalid', fr: 'Indiquez pourquoi la personne n’est pas proposée.' },
  'candidate_request.decided': { kind: 'conflict', fr: 'Cette demande a déjà reçu une réponse.' },
  'candidate_request.not_found': { kind: 'not_found', fr: 'Cette demande n’existe pas.' },
  'candidate_request.not_referent': {
    kind: 'forbidden',
    fr: 'Seul·e le·la conseiller·ère référent·e de la personne répond à cette demande.',
  },
  'card.changed': {
    kind: 'conflict',
    fr: 'Votre fiche vient d’être modifiée : relisez-la avant de la valider.',
  },
  'card.comment_required': { kind: 'invalid', fr: 'Dites ce qu’il faut changer sur votre fiche.' },
  'card.not_found': { kind: 'not_found', fr: 'Cette fiche n’existe pas ou n’est plus en cours.' },
  'card.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes pour les fiches candidat : réessayez dans une minute.',
  },
  'card.unknown_label': {
    kind: 'invalid',
    fr: 'La fiche ne montre que des compétences et qualités du dossier de la personne.',
  },
  'employer.exists': { kind: 'conflict', fr: 'Cet employeur est déjà enregistré dans votre structure (même SIRET).' },
  'employer.invalid': { kind: 'invalid', fr: 'Cet employeur n’est pas valable : corrigez les champs signalés.' },
  'employer.not_found': { kind: 'not_found', fr: 'Cet employeur n’existe pas.' },
  'interaction.invalid': { kind: 'invalid', fr: 'Cet échange n’est pas cohérent : corrigez les champs signalés.' },
  'interaction.not_found': { kind: 'not_found', fr: 'Cette prochaine action n’existe pas ou est déjà faite.' },
  'interaction.unknown_contact': { kind: 'invalid', fr: 'Ce contact n’existe pas chez cet employeur.' },
  'introduction.card_not_validated': {
    kind: 'invalid',
    fr: 'La personne doit d’abord valider sa fiche, telle que l’employeur la verra, dans son espace.',
  },
  'introduction.employer_commune_required': { kind: 'invalid', fr: 'Indiquez la commune de l’employeur.' },
  'introduction.employer_unknown': { kind: 'forbidden', fr: 'Cet employeur n’est pas encore enregistré.' },
  'introduction.exists': { kind: 'conflict', fr: 'Cette personne est déjà mise en relation pour cette offre.' },
  'introduction.invalid_employer': {
    kind: 'invalid',
    fr: 'L’employeur indiqué n’est pas valable : corrigez les champs signalés.',
  },
  'introduction.invalid_transition': {
    kind: 'invalid',
    fr: 'Cette étape n’est pas possible ainsi : corrigez les champs signalés.',
  },
  'introduction.no_card': { kind: 'invalid', fr: 'La fiche candidat existe une fois que la personne a accepté.' },
  'introduction.no_consent': { kind: 'invalid', fr: 'La personne n’a pas consenti au partage de son profil.' },
  'introduction.no_contact_email': { kind: 'invalid', fr: 'Ce contact n’a pas d’adresse e-mail chez cet employeur.' },
  'introduction.no_diagnostic': {
    kind: 'invalid',
    fr: 'La fiche candidat se construit à partir du diagnostic : enregistrez-le d’abord.',
  },
  'introduction.no_employer': { kind: 'invalid', fr: 'Indiquez l’employeur : cette offre n’en nomme pas.' },
  'introduction.not_found': {
    kind: 'not_found',
    fr: 'Cette mise en relation n’existe pas ou est hors de votre périmètre.',
  },
  'introduction.not_ready': { kind: 'invalid', fr: 'La personne doit d’abord avoir accepté.' },
  'introduction.unknown_employer': {
    kind: 'invalid',
    fr: 'Cet employeur n’est pas enregistré pour la structure de la personne.',
  },
  'introduction.unknown_offer': { kind: 'invalid', fr: 'Cette offre n’existe pas ou n’est plus ouverte.' },
  'job_analysis.invalid': { kind: 'invalid', fr: 'Cette analyse de poste cite un code ROME inconnu.' },
  'job_analysis.not_found': { kind: 'not_found', fr: 'Cette analyse de poste n’existe pas chez cet employeur.' },
  'job_analysis.qualified': { kind: 'conflict', fr: 'Ce besoin a déjà été qualifié.' },
  'need.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes pour les formulaires de besoin : réessayez dans une minute.',
  },
  'need_link.not_found': {
    kind: 'not_found',
    fr: 'Ce lien de dépôt de besoin n’existe pas ou est hors de votre périmètre.',
  },
  'period.invalid': { kind: 'invalid', fr: 'La période se termine avant de commencer.' },
  'pmsmp.invalid': { kind: 'invalid', fr: 'Cette convention PMSMP n’est pas valable : corrigez les champs signalés.' },
  'pmsmp.not_saved': { kind: 'invalid', fr: 'Enregistrez d’abord la convention PMSMP.' },
  'pmsmp.not_at_stage': {
    kind: 'invalid',
    fr: 'La convention PMSMP se prépare à l’étape de l’entretien ou de l’essai.',
  },
  'pmsmp.signed': {
    kind: 'conflict',
    fr: 'La convention est en cours de signature : retirez les signatures avant d’en changer les termes.',
  },
  'shortlist.invalid': { kind: 'invalid', fr: 'Cette sélection n’est pas valable : corrigez les champs signalés.' },
  'shortlist.not_found': { kind: 'not_found', fr: 'Cette sélection n’existe pas ou est hors de votre périmètre.' },
  'shortlist.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes pour cette sélection : réessayez dans une minute.',
  },
  'shortlist.unknown_entry': { kind: 'invalid', fr: 'Cette personne ne fait pas partie de la sélection.' },
} as const satisfies ErrorCatalogue;

export type MediationErrorCode = keyof typeof MEDIATION_ERRORS;

export const mediationError = errorFactory(MEDIATION_ERRORS);
