// Generated from the error catalogues of the libs (apps/api/src/errors/error-catalogues.ts) by `npm run web:api-types`. Do not edit.
import type { CORE_ERRORS } from '@passerelle/core';
import type { IDENTITY_ERRORS } from '@passerelle/identity';
import type { REFERENTIAL_ERRORS } from '@passerelle/referential';
import type { OFFERS_ERRORS } from '@passerelle/offers';
import type { INGESTION_ERRORS } from '@passerelle/ingestion';
import type { MATCHING_ERRORS } from '@passerelle/matching';
import type { OUTCOMES_ERRORS } from '@passerelle/outcomes';

type Catalogues = typeof CORE_ERRORS & typeof IDENTITY_ERRORS & typeof REFERENTIAL_ERRORS & typeof OFFERS_ERRORS & typeof INGESTION_ERRORS & typeof MATCHING_ERRORS & typeof OUTCOMES_ERRORS;

/** Every error code the API answers. */
export type ApiErrorCode = keyof Catalogues;

/** Each code’s HTTP status (and the other one some requests get, rarely) and the French text the user reads. */
export const API_ERRORS = {
  "auth.cross_site_refused": { status: 403, fr: "Demande refusée : elle ne vient pas de l’application Passerelle. Rechargez la page." },
  "auth.forbidden": { status: 403, fr: "Vous n’avez pas accès à cette action." },
  "auth.invalid_credentials": { status: 401, alsoStatus: 422, fr: "Adresse e-mail ou mot de passe incorrect." },
  "auth.missing_token": { status: 401, fr: "Connectez-vous d’abord." },
  "auth.no_access_rule": { status: 403, fr: "Cette adresse n’est pas ouverte." },
  "auth.password_change_required": { status: 403, fr: "Ce mot de passe est provisoire : choisissez le vôtre avant de continuer." },
  "auth.rate_limited": { status: 429, fr: "Trop de demandes de connexion : patientez un moment avant de réessayer." },
  "auth.refresh_refused": { status: 401, fr: "Votre session a expiré : reconnectez-vous." },
  "auth.session_ended": { status: 401, fr: "Cette session est terminée : reconnectez-vous." },
  "auth.sso_code_invalid": { status: 401, fr: "Ce lien de connexion a expiré ; reconnectez-vous." },
  "auth.sso_disabled": { status: 404, fr: "La connexion par le SSO n’est pas configurée." },
  "auth.sso_failed": { status: 401, fr: "La connexion par le SSO a échoué ; réessayez." },
  "auth.sso_refused": { status: 401, fr: "La connexion par le SSO a échoué ; réessayez." },
  "auth.sso_second_factor_required": { status: 401, fr: "Votre rôle exige une double authentification que le SSO n’a pas vérifiée : connectez-vous avec votre mot de passe et votre code." },
  "auth.sso_state_invalid": { status: 401, fr: "Cette connexion par le SSO n’a pas été commencée dans ce navigateur, ou a expiré ; réessayez." },
  "auth.sso_unavailable": { status: 503, fr: "Le service de connexion de votre collectivité ne répond pas ; réessayez dans un instant." },
  "auth.sso_unknown_user": { status: 401, fr: "Aucun compte Passerelle actif pour cette identité : demandez-en un à votre administrateur." },
  "auth.temporary_password_expired": { status: 401, fr: "Ce mot de passe provisoire a expiré : demandez-en un nouveau à votre administrateur." },
  "auth.throttled": { status: 429, fr: "Trop de tentatives : patientez un moment avant de réessayer." },
  "auth.token_expired": { status: 401, fr: "Votre session a expiré : reconnectez-vous." },
  "auth.token_invalid": { status: 401, fr: "Votre session n’est plus valable : reconnectez-vous." },
  "auth.totp_already_enabled": { status: 409, fr: "La double authentification est déjà activée." },
  "auth.totp_enrolment_required": { status: 403, fr: "Votre rôle exige la double authentification : activez-la avant de continuer." },
  "auth.totp_invalid": { status: 401, alsoStatus: 422, fr: "Code incorrect ou déjà utilisé." },
  "auth.totp_not_enabled": { status: 409, fr: "Ce compte n’a pas de double authentification." },
  "auth.totp_not_started": { status: 409, fr: "Commencez par afficher la clé de double authentification, puis saisissez le code." },
  "auth.totp_required": { status: 401, fr: "Saisissez le code à 6 chiffres de votre application d’authentification." },
  "auth.user_inactive": { status: 401, fr: "Ce compte est désactivé." },
  "extract.rejected": { status: 422, fr: "Cette page ne donne pas une offre utilisable." },
  "follow_up.answered": { status: 409, fr: "Ce suivi a déjà été renseigné." },
  "follow_up.invalid": { status: 422, fr: "Ce suivi ne peut pas recevoir cette réponse maintenant." },
  "follow_up.not_found": { status: 404, fr: "Ce suivi n’existe pas ou ne vous est pas attribué." },
  "indicators.period": { status: 422, fr: "La période se termine avant de commencer." },
  "matching.index_not_ready": { status: 503, fr: "La recherche d’offres n’est pas encore prête (l’index se construit) : réessayez dans quelques minutes." },
  "matching.invalid_profile": { status: 422, fr: "Le profil cite des codes inconnus : corrigez les champs signalés." },
  "offer.closed": { status: 409, alsoStatus: 422, fr: "Cette offre est close." },
  "offer.invalid": { status: 422, fr: "Cette offre n’est pas valable : corrigez les champs signalés." },
  "offer.not_editable": { status: 409, fr: "Une offre collectée sur un site se modifie sur ce site, pas dans Passerelle." },
  "offer.not_found": { status: 404, fr: "Cette offre n’existe pas ou plus." },
  "offers.search_scope": { status: 400, fr: "La recherche par mots-clés porte sur les offres ouvertes, sans les doublons." },
  "placement.end_before_start": { status: 422, fr: "L’emploi ne peut pas finir avant d’avoir commencé." },
  "placement.end_in_future": { status: 422, fr: "Enregistrez la fin de l’emploi une fois qu’elle a eu lieu." },
  "placement.exists": { status: 409, fr: "L’embauche de cette mise en relation est déjà enregistrée." },
  "placement.incomplete": { status: 422, fr: "Indiquez la personne et l’employeur." },
  "placement.invalid": { status: 422, fr: "Cet emploi n’est pas cohérent : corrigez les champs signalés." },
  "placement.not_found": { status: 404, fr: "Cet emploi n’existe pas." },
  "placement.not_hired": { status: 422, fr: "Un emploi s’enregistre sur une mise en relation qui a abouti à une embauche." },
  "referential.not_loaded": { status: 503, fr: "Le référentiel des métiers et des communes se charge : réessayez dans un instant." },
  "request.malformed": { status: 400, fr: "La demande envoyée est illisible ; rechargez la page." },
  "request.too_large": { status: 413, fr: "Le contenu envoyé est trop volumineux." },
  "run.not_found": { status: 404, fr: "Cette collecte n’existe pas." },
  "setting.not_found": { status: 404, fr: "Ce réglage n’existe pas." },
  "setting.out_of_range": { status: 422, fr: "Cette valeur sort des limites du réglage." },
  "setting.read_only": { status: 422, fr: "Ce réglage est fixé par la configuration du serveur : il ne se change pas ici." },
  "source.invalid_config": { status: 422, fr: "La configuration de la source n’est pas valable : corrigez les champs signalés." },
  "source.manual": { status: 422, fr: "Une source manuelle est alimentée par la saisie des offres : elle ne se lance pas." },
  "source.not_found": { status: 404, fr: "Cette source n’existe pas." },
  "source.page_unreachable": { status: 422, fr: "La page n’a pas pu être lue." },
  "source.run_in_progress": { status: 409, fr: "Une collecte de cette source est déjà en cours." },
  "structure.not_found": { status: 404, fr: "Structure introuvable ou hors de votre périmètre." },
  "structure.unknown_parent": { status: 422, fr: "La structure parente choisie n’existe pas." },
  "user.common_password": { status: 422, fr: "Ce mot de passe est trop courant : choisissez-en un autre." },
  "user.email_taken": { status: 409, fr: "Un compte utilise déjà cette adresse e-mail." },
  "user.not_found": { status: 404, fr: "Ce compte n’existe pas." },
  "user.same_password": { status: 422, fr: "Le nouveau mot de passe doit être différent de l’actuel." },
  "user.self_lockout": { status: 409, fr: "Un·e administrateur·rice ne peut pas se désactiver ni se retirer ce rôle." },
  "user.unknown_structure": { status: 422, fr: "La structure choisie n’existe pas." },
  "user.weak_password": { status: 422, fr: "Ce mot de passe ne respecte pas les règles." },
} as const satisfies {
  readonly [Code in ApiErrorCode]: { readonly status: number; readonly alsoStatus?: number; readonly fr: Catalogues[Code]["fr"] };
};
