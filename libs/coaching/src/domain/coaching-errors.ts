import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/**
 * Coaching's errors (a person's file: registration and referent, diagnostic, barriers, CER, journal,
 * consents, photo, proposals, notifications), code → kind and the French the user reads; 400 or 422:
 * see ErrorEntry in libs/core.
 */
export const COACHING_ERRORS = {
  'appointment.cancelled': { kind: 'conflict', fr: 'Ce rendez-vous est annulé.' },
  'appointment.full': { kind: 'conflict', fr: 'Cet atelier est complet.' },
  'appointment.invalid': { kind: 'invalid', fr: 'Ce rendez-vous n’est pas cohérent : corrigez les champs signalés.' },
  'appointment.not_collective': { kind: 'invalid', fr: 'Seul un atelier collectif accueille plusieurs personnes.' },
  'appointment.not_found': { kind: 'not_found', fr: 'Ce rendez-vous n’existe pas dans votre agenda.' },
  'appointment.not_started': {
    kind: 'invalid',
    fr: 'La présence se note une fois le rendez-vous commencé.',
  },
  'appointment.participant_exists': { kind: 'conflict', fr: 'Cette personne participe déjà à cet atelier.' },
  'appointment.participant_not_found': { kind: 'not_found', fr: 'Cette personne ne participe pas à ce rendez-vous.' },
  'appointment.slot_booked': { kind: 'conflict', fr: 'Ce créneau est déjà réservé : annulez plutôt le rendez-vous.' },
  'appointment.slot_not_found': { kind: 'not_found', fr: 'Ce créneau n’existe pas dans votre agenda.' },
  'appointment.person_not_followed': {
    kind: 'invalid',
    fr: 'Cette personne n’est plus accompagnée : pas de nouveau rendez-vous.',
  },
  'barrier.health_apart': { kind: 'invalid', fr: 'Les détails de santé vont dans la note de santé, gardée à part.' },
  'barrier.not_found': { kind: 'not_found', fr: 'Ce frein n’existe plus.' },
  'barrier.not_health': { kind: 'invalid', fr: 'La note de santé est réservée aux freins de santé.' },
  'beneficiary.assign_forbidden': {
    kind: 'forbidden',
    fr: 'Seul·e un·e responsable confie une personne à un·e autre conseiller·ère.',
  },
  'beneficiary.cannot_close': { kind: 'invalid', fr: 'L’accompagnement ne peut pas être clos ainsi.' },
  'beneficiary.export_referent_only': {
    kind: 'forbidden',
    fr: 'Seul·e le·la conseiller·ère référent·e exporte le dossier.',
  },
  'beneficiary.invalid': {
    kind: 'invalid',
    fr: 'Ces informations ne sont pas cohérentes : corrigez les champs signalés.',
  },
  'beneficiary.no_diagnostic': {
    kind: 'invalid',
    fr: 'Les offres correspondantes demandent un diagnostic et une commune de résidence.',
  },
  'beneficiary.not_found': { kind: 'not_found', fr: 'Personne introuvable ou hors de votre périmètre.' },
  'beneficiary.override_reason_required': { kind: 'invalid', fr: 'Indiquez pourquoi vous dérogez au plafond.' },
  'beneficiary.portfolio_full': {
    kind: 'invalid',
    fr: 'Ce portefeuille est complet : un·e responsable peut déroger au plafond en indiquant pourquoi.',
  },
  'beneficiary.unknown_coach': { kind: 'invalid', fr: 'Choisissez un·e conseiller·ère actif·ve de vos structures.' },
  'beneficiary.unknown_commune': { kind: 'invalid', fr: 'Cette commune est inconnue.' },
  'beneficiary.unknown_structure': { kind: 'invalid', fr: 'Choisissez une de vos structures.' },
  'booking.not_found': {
    kind: 'not_found',
    fr: 'Ce lien de rendez-vous n’existe pas : vérifiez-le ou demandez-en un nouveau.',
  },
  'booking.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes pour ce lien : réessayez dans une minute.',
  },
  'booking.slot_taken': { kind: 'conflict', fr: 'Ce créneau vient d’être pris : choisissez-en un autre.' },
  'calendar.not_found': { kind: 'not_found', fr: 'Aucun abonnement de calendrier n’est ouvert.' },
  'cer.already_open': { kind: 'conflict', fr: 'Un CER est déjà en cours : enregistrez d’abord son issue.' },
  'cer.invalid': { kind: 'invalid', fr: 'Les dates du CER ne sont pas dans l’ordre.' },
  'cer.invalid_outcome': { kind: 'invalid', fr: 'Cette issue ne peut pas être enregistrée.' },
  'cer.not_found': { kind: 'not_found', fr: 'Ce CER n’existe plus.' },
  'consent.already_granted': { kind: 'conflict', fr: 'Ce consentement est déjà enregistré.' },
  'consent.not_found': { kind: 'not_found', fr: 'Aucun consentement en cours pour cet usage.' },
  'diagnostic.invalid': { kind: 'invalid', fr: 'Le diagnostic cite des codes inconnus ou des dates incohérentes.' },
  'event.aid_decided': { kind: 'conflict', fr: 'Une demande d’aide déjà décidée reste au journal.' },
  'event.delete_forbidden': {
    kind: 'forbidden',
    fr: 'Seul·e son auteur·rice ou le·la conseiller·ère référent·e peut supprimer cette entrée.',
  },
  'event.invalid': { kind: 'invalid', fr: 'Cette entrée du journal n’est pas cohérente.' },
  'event.not_found': { kind: 'not_found', fr: 'Cette entrée du journal n’existe plus.' },
  'import.bad_upload': { kind: 'bad_request', fr: 'Envoyez un seul fichier CSV, dans le champ prévu.' },
  'import.changed': { kind: 'conflict', fr: 'Ce fichier n’est pas celui de l’aperçu : refaites l’aperçu.' },
  'import.empty': { kind: 'invalid', fr: 'Ce fichier ne contient aucune personne.' },
  'import.malformed': { kind: 'invalid', fr: 'Ce fichier CSV est mal formé : il ne peut pas être lu.' },
  'import.missing': { kind: 'bad_request', fr: 'Choisissez le fichier CSV à importer.' },
  'import.missing_columns': { kind: 'invalid', fr: 'Il manque des colonnes dans la ligne d’en-tête du fichier.' },
  'import.not_unicode': { kind: 'invalid', fr: 'Ce fichier n’est pas un CSV en UTF-8.' },
  'import.too_large': { kind: 'too_large', fr: 'Ce fichier dépasse 1 Mo : découpez-le.' },
  'import.too_many_rows': { kind: 'invalid', fr: 'Ce fichier compte trop de lignes : découpez-le.' },
  'notification.not_found': { kind: 'not_found', fr: 'Cette notification n’existe plus.' },
  'objective.invalid': { kind: 'invalid', fr: 'Cet objectif n’est pas cohérent : corrigez les champs signalés.' },
  'objective.not_found': { kind: 'not_found', fr: 'Cet objectif n’existe plus.' },
  'photo.bad_upload': { kind: 'bad_request', fr: 'Envoyez une seule image, dans le champ prévu pour la photo.' },
  'photo.corrupt': { kind: 'invalid', fr: 'Cette image est abîmée : elle ne peut pas être lue.' },
  'photo.empty': { kind: 'invalid', fr: 'Le fichier envoyé est vide.' },
  'photo.missing': { kind: 'bad_request', fr: 'Choisissez une photo à envoyer.' },
  'photo.no_consent': { kind: 'invalid', fr: 'La personne n’a pas donné son accord pour une photo.' },
  'photo.not_an_image': { kind: 'invalid', fr: 'Seules les photos JPEG ou PNG sont acceptées.' },
  'photo.not_found': { kind: 'not_found', fr: 'Cette personne n’a pas de photo.' },
  'photo.too_big': { kind: 'invalid', fr: 'Cette image compte trop de pixels.' },
  'photo.too_large': { kind: 'too_large', fr: 'Cette photo est trop lourde.' },
  'photo.too_small': { kind: 'invalid', fr: 'Cette image est trop petite.' },
  'proposal.closed_offer': { kind: 'invalid', fr: 'Cette offre est close : elle ne se propose plus.' },
  'proposal.exists': { kind: 'conflict', fr: 'Cette offre a déjà été proposée à cette personne.' },
  'share.exists': {
    kind: 'conflict',
    fr: 'Ce dossier est déjà partagé avec ce·tte professionnel·le : révoquez d’abord le partage en cours.',
  },
  'share.invalid': { kind: 'invalid', fr: 'Ce partage n’est pas cohérent : corrigez les champs signalés.' },
  'share.no_consent': {
    kind: 'invalid',
    fr: 'La personne n’a pas donné son accord pour que son dossier soit partagé.',
  },
  'share.not_found': { kind: 'not_found', fr: 'Ce partage n’existe pas ou est déjà révoqué.' },
  'share.other_departement': {
    kind: 'invalid',
    fr: 'Un dossier ne se partage qu’avec un·e conseiller·ère du même département que le·la référent·e.',
  },
  'share.unknown_recipient': {
    kind: 'invalid',
    fr: 'Choisissez un·e conseiller·ère actif·ve, autre que le·la référent·e.',
  },
  'rhythm.invalid': {
    kind: 'invalid',
    fr: 'Le rythme de contact va de 1 à 31 contacts, sur une période de 1 à 92 jours.',
  },
  'proposal.unknown_offer': { kind: 'invalid', fr: 'Cette offre n’existe pas.' },
  'space.no_channel': {
    kind: 'invalid',
    fr: 'Le lien part par SMS ou par e-mail : il faut un téléphone ou une adresse au dossier, et l’accord de la personne pour ce canal.',
  },
  'space.message_required': { kind: 'invalid', fr: 'Dites quand vous pourriez venir à la place.' },
  'space.not_found': { kind: 'not_found', fr: 'Cet élément n’existe pas ou n’est plus d’actualité.' },
  'space.reason_required': { kind: 'invalid', fr: 'Dites en quelques mots pourquoi cette offre n’est pas pour vous.' },
  'space.person_not_followed': { kind: 'invalid', fr: 'Cette personne n’est plus accompagnée : pas de nouvel espace.' },
  'space.rate_limited': {
    kind: 'too_many_requests',
    fr: 'Trop de demandes pour cet espace : réessayez dans une minute.',
  },
} as const satisfies ErrorCatalogue;

export type CoachingErrorCode = keyof typeof COACHING_ERRORS;

export const coachingError = errorFactory(COACHING_ERRORS);
