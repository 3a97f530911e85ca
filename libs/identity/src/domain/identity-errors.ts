import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/**
 * Identity's errors (accounts, structures, sessions, second factor, SSO, access), code → kind and
 * the French the user reads. When 400 and when 422: see ErrorEntry in libs/core.
 */
export const IDENTITY_ERRORS = {
  'auth.cross_site_refused': {
    kind: 'forbidden',
    fr: 'Demande refusée : elle ne vient pas de l’application Passerelle. Rechargez la page.',
  },
  'auth.forbidden': { kind: 'forbidden', fr: 'Vous n’avez pas accès à cette action.' },
  /** A login (401), or the current password given to change it (422: the session stays). */
  'auth.invalid_credentials': {
    kind: 'unauthenticated',
    alsoKind: 'invalid',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
  },
  'auth.missing_token': { kind: 'unauthenticated', fr: 'Connectez-vous d’abord.' },
  'auth.no_access_rule': { kind: 'forbidden', fr: 'Cette adresse n’est pas ouverte.' },
  'auth.password_change_required': {
    kind: 'forbidden',
    fr: 'Ce mot de passe est provisoire : choisissez le vôtre avant de continuer.',
  },
  'auth.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes de connexion : patientez un moment avant de réessayer.',
  },
  'auth.refresh_refused': { kind: 'unauthenticated', fr: 'Votre session a expiré : reconnectez-vous.' },
  'auth.session_ended': { kind: 'unauthenticated', fr: 'Cette session est terminée : reconnectez-vous.' },
  'auth.sso_code_invalid': { kind: 'unauthenticated', fr: 'Ce lien de connexion a expiré ; reconnectez-vous.' },
  'auth.sso_disabled': { kind: 'not_found', fr: 'La connexion par le SSO n’est pas configurée.' },
  /** Only in the address the SSO callback sends the browser back to, for a failure without a code of its own. */
  'auth.sso_failed': { kind: 'unauthenticated', fr: 'La connexion par le SSO a échoué ; réessayez.' },
  'auth.sso_refused': { kind: 'unauthenticated', fr: 'La connexion par le SSO a échoué ; réessayez.' },
  'auth.sso_second_factor_required': {
    kind: 'unauthenticated',
    fr: 'Votre rôle exige une double authentification que le SSO n’a pas vérifiée : connectez-vous avec votre mot de passe et votre code.',
  },
  'auth.sso_state_invalid': {
    kind: 'unauthenticated',
    fr: 'Cette connexion par le SSO n’a pas été commencée dans ce navigateur, ou a expiré ; réessayez.',
  },
  'auth.sso_unavailable': {
    kind: 'unavailable',
    fr: 'Le service de connexion de votre collectivité ne répond pas ; réessayez dans un instant.',
  },
  'auth.sso_unknown_user': {
    kind: 'unauthenticated',
    fr: 'Aucun compte Passerelle actif pour cette identité : demandez-en un à votre administrateur.',
  },
  'auth.temporary_password_expired': {
    kind: 'unauthenticated',
    fr: 'Ce mot de passe provisoire a expiré : demandez-en un nouveau à votre administrateur.',
  },
  'auth.throttled': {
    kind: 'too_many_requests',
    fr: 'Trop de tentatives : patientez un moment avant de réessayer.',
  },
  'auth.token_expired': { kind: 'unauthenticated', fr: 'Votre session a expiré : reconnectez-vous.' },
  'auth.token_invalid': { kind: 'unauthenticated', fr: 'Votre session n’est plus valable : reconnectez-vous.' },
  'auth.totp_already_enabled': { kind: 'conflict', fr: 'La double authentification est déjà activée.' },
  'auth.totp_enrolment_required': {
    kind: 'forbidden',
    fr: 'Votre rôle exige la double authentification : activez-la avant de continuer.',
  },
  /** At login (401), or when confirming the enrolment (422: the session stays). */
  'auth.totp_invalid': { kind: 'unauthenticated', alsoKind: 'invalid', fr: 'Code incorrect ou déjà utilisé.' },
  'auth.totp_not_enabled': { kind: 'conflict', fr: 'Ce compte n’a pas de double authentification.' },
  'auth.totp_not_started': {
    kind: 'conflict',
    fr: 'Commencez par afficher la clé de double authentification, puis saisissez le code.',
  },
  'auth.totp_required': {
    kind: 'unauthenticated',
    fr: 'Saisissez le code à 6 chiffres de votre application d’authentification.',
  },
  'auth.user_inactive': { kind: 'unauthenticated', fr: 'Ce compte est désactivé.' },
  'structure.not_found': { kind: 'not_found', fr: 'Structure introuvable ou hors de votre périmètre.' },
  'structure.unknown_parent': { kind: 'invalid', fr: 'La structure parente choisie n’existe pas.' },
  'user.common_password': {
    kind: 'invalid',
    fr: 'Ce mot de passe est trop courant : choisissez-en un autre.',
  },
  'user.email_taken': { kind: 'conflict', fr: 'Un compte utilise déjà cette adresse e-mail.' },
  'user.not_found': { kind: 'not_found', fr: 'Ce compte n’existe pas.' },
  'user.same_password': {
    kind: 'invalid',
    fr: 'Le nouveau mot de passe doit être différent de l’actuel.',
  },
  'user.self_lockout': {
    kind: 'conflict',
    fr: 'Un·e administrateur·rice ne peut pas se désactiver ni se retirer ce rôle.',
  },
  'user.unknown_structure': { kind: 'invalid', fr: 'La structure choisie n’existe pas.' },
  'user.weak_password': { kind: 'invalid', fr: 'Ce mot de passe ne respecte pas les règles.' },
} as const satisfies ErrorCatalogue;

export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;

export const identityError = errorFactory(IDENTITY_ERRORS);
