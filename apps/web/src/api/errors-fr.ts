import { API_ERRORS, type ApiErrorCode } from './error-codes';

/**
 * From the API's error codes, field names and validation reasons to French text. The API speaks English (codes and
 * reasons are stable, for programs); the user reads only French. Each code's French is declared with the code, in its
 * context's catalogue in the libs, and reaches the web through error-codes.ts (generated); field names and reasons are
 * translated here. Pure: no React, no DOM.
 */

/** An answer's problem as the API describes it. */
export interface ApiProblem {
  readonly status: number;
  readonly code: string | null;
  readonly message: string;
  readonly details: ReadonlyArray<{ field: string; reason: string }>;
}

/** Field names as the user sees them (the form's labels). A dotted field (`skills.0`) is named by its top part. */
export const FIELD_LABELS: Record<string, string> = {
  note: 'Note',
  occurredOn: 'Date',
  startsAt: 'Début',
  endsAt: 'Fin',
  place: 'Lieu',
  capacity: 'Nombre de places',
  beneficiaryIds: 'Personnes',
  attendance: 'Présence',
  kind: 'Type',
  status: 'Statut',
  description: 'Description',
  actions: 'Actions',
  healthNote: 'Note de santé',
  aid: 'Aide',
  amount: 'Montant',
  decision: 'Décision',
  collective: 'Atelier collectif',
  signedOn: 'Signé le',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  on: 'Date',
  outcome: 'Issue',
  exitReason: 'Motif de sortie',
  reorientedTo: 'Réorienté·e vers',
  beneficiaryCommitments: 'Engagements de la personne',
  serviceCommitments: 'Engagements du service',
  durationMonths: 'Durée (mois)',
  firstName: 'Prénom',
  lastName: 'Nom',
  birthDate: 'Date de naissance',
  email: 'Adresse e-mail',
  phone: 'Téléphone',
  address: 'Adresse',
  communeInsee: 'Commune',
  commune: 'Commune',
  postalCode: 'Code postal',
  orientationDate: 'Date d’orientation',
  cvPlatform: 'Plateforme',
  cvDepositedOn: 'Déposé le',
  coachUserId: 'Conseiller·ère',
  capOverride: 'Dépassement du plafond',
  reason: 'Motif',
  title: 'Intitulé',
  employerId: 'Employeur',
  employerName: 'Employeur',
  employerSiret: 'SIRET',
  siret: 'SIRET',
  name: 'Nom',
  displayName: 'Nom affiché',
  password: 'Mot de passe',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  totpCode: 'Code de vérification',
  roles: 'Rôles',
  structureId: 'Structure',
  parentId: 'Structure parente',
  romeCode: 'Code ROME',
  romeCodes: 'Codes ROME',
  desiredOccupations: 'Métiers visés',
  skills: 'Compétences',
  experiences: 'Expériences',
  languages: 'Langues',
  certificates: 'Certificats et habilitations',
  contractType: 'Type de contrat',
  contractTypes: 'Contrats',
  contractMonths: 'Durée du contrat (mois)',
  weeklyHours: 'Heures par semaine',
  workingTime: 'Temps de travail',
  maxDistanceKm: 'Distance maximale',
  availabilityDate: 'Disponible le',
  expiresOn: 'Date d’expiration',
  publishedOn: 'Date de publication',
  interviewAt: 'Date de l’entretien',
  interviewPlace: 'Lieu de l’entretien',
  trialStart: 'Début de la PMSMP',
  trialEnd: 'Fin de la PMSMP',
  from: 'Du',
  to: 'Au',
  url: 'Adresse du site',
  offerId: 'Offre',
  beneficiaryId: 'Personne',
  purpose: 'Consentement',
  message: 'Message',
  answer: 'Réponse',
  photo: 'Photo',
  body: 'Demande',
};

/** The French name of a field (its top part), or `null` when the catalogue does not know it. */
export function fieldLabel(field: string): string | null {
  return FIELD_LABELS[field.split('.')[0]] ?? null;
}

/** The French of a code the catalogues declare. */
export function errorText(code: ApiErrorCode): string {
  return API_ERRORS[code].fr;
}

/** What to say for an error code, when the code says it all: the catalogue's French, or nothing for a code unknown here. */
export function codeMessage(code: string | null): string | undefined {
  if (code === null) return undefined;
  return Object.hasOwn(API_ERRORS, code) ? API_ERRORS[code as ApiErrorCode].fr : undefined;
}

/** Reasons the API gives, English pattern → French (the first that matches wins; `$1` keeps a captured part). */
const REASONS: Array<[RegExp, string]> = [
  [/^missing$/, 'ce champ est obligatoire'],
  [/^is required$/, 'ce champ est obligatoire'],
  [/should not be empty/, 'ce champ est obligatoire'],
  [/must not be blank/, 'ne peut pas être vide'],
  [/^unknown place: (.*)$/, 'lieu inconnu : $1'],
  [/^no coordinates for (.*)$/, 'pas de coordonnées pour $1'],
  [/must be 14 digits/, 'doit comporter 14 chiffres'],
  [/must be 5 digits/, 'doit comporter 5 chiffres'],
  [/must be an INSEE commune code/, 'doit être un code commune INSEE (ex. 59350)'],
  [/must look like ([A-Z]\d{4})/, 'doit ressembler à $1'],
  [/longer than (\d+) characters/, 'plus de $1 caractères'],
  [/must be shorter than or equal to (\d+) characters/, 'au plus $1 caractères'],
  [/must be longer than or equal to 1 characters?/, 'ne peut pas être vide'],
  [/must be longer than or equal to (\d+) characters/, 'au moins $1 caractères'],
  [/must be a département code/, 'doit être un code de département (ex. 59, 2A, 971)'],
  [/not a valid SIRET.*/, 'SIRET invalide (14 chiffres et clé de contrôle)'],
  [/no commune matches this code or name/, 'aucune commune ne correspond à ce code'],
  [/^unknown commune$/, 'commune inconnue'],
  [/give both or neither/, 'indiquez l’action et sa date, ou ni l’une ni l’autre'],
  [
    /must not be before (occurredOn|trialStart|startedOn|signedOn|startDate|from)/,
    'ne peut pas être antérieure à la date de début',
  ],
  [/^after (to|.*)$/, 'la date de début doit précéder la date de fin'],
  [/^must be after startsAt$/, 'la fin doit suivre le début'],
  [/^at most 12 hours after startsAt$/, 'au plus 12 heures après le début'],
  [/^required for a collective session$/, 'obligatoire pour un atelier collectif'],
  [/^collective sessions only$/, 'réservé aux ateliers collectifs'],
  [/^an individual appointment is with one person$/, 'un rendez-vous individuel concerne une seule personne'],
  [/^more people than the capacity$/, 'plus de personnes que de places'],
  [/^lists a person twice$/, 'une personne figure deux fois'],
  [/must not be in the future|^in the future$/, 'ne peut pas être dans le futur'],
  [/^more than a year ahead$/, 'plus d’un an à l’avance'],
  [/^(must be )?before the orientation date$/, 'ne peut pas précéder la date d’orientation'],
  [/^before the CER start$/, 'ne peut pas précéder le début du CER'],
  [/^before the start .*$/, 'ne peut pas précéder la date de début'],
  [/must be a phone number/, 'numéro de téléphone invalide'],
  [/must be an e-?mail( address)?/, 'adresse e-mail invalide'],
  [/^required when declining$/, 'obligatoire pour refuser'],
  [/^already registered$/, 'déjà enregistré'],
  [/^already recorded.*$/, 'déjà enregistré'],
  [/^already granted$/, 'déjà donné'],
  [/^already proposed$/, 'déjà proposée'],
  [/^aid already decided$/, 'aide déjà décidée'],
  [/^the interview date is required$/, 'la date de l’entretien est obligatoire'],
  [/^the interview place is required$/, 'le lieu de l’entretien est obligatoire'],
  [/^the trial \(PMSMP\) (start|end) is required$/, 'la date est obligatoire'],
  [/^say why.*$/, 'choisissez un motif'],
  [/must be a date YYYY-MM-DD/, 'date attendue (JJ/MM/AAAA)'],
  [/must be a valid ISO 8601 date string/, 'date attendue (JJ/MM/AAAA)'],
  [/^a whole number from (\d+) to (\d+).*$/, 'un nombre entier de $1 à $2'],
  [/must be a whole number|must be an integer number/, 'un nombre entier'],
  [/must be a number.*/, 'un nombre'],
  [/must be a positive integer/, 'un nombre entier positif'],
  [/must not be less than (-?[\d.]+)/, 'au moins $1'],
  [/must not be greater than (-?[\d.]+)/, 'au plus $1'],
  [/must be one of the following values.*/, 'choisissez une valeur de la liste'],
  [/each value in .* must be one of the following values.*/, 'choisissez des valeurs de la liste'],
  [/must be a UUID/, 'choisissez un élément de la liste'],
  [/must be a boolean value/, 'oui ou non'],
  [/must be a string/, 'texte attendu'],
  [/must be an array/, 'liste attendue'],
  [/must contain no more than (\d+) elements/, 'au plus $1 éléments'],
  [/^property (.*) should not exist$/, 'champ inattendu'],
  [/must not contain the NUL character|must be valid Unicode text/, 'contient des caractères non autorisés'],
  [/^workshops only$/, 'réservé aux ateliers'],
  [/^only for kind aid_request$/, 'réservé aux demandes d’aide'],
  [/^required for an aid request$/, 'obligatoire pour une demande d’aide'],
  [/^only for kind health$/, 'réservé aux freins de santé'],
  [/^not for health barriers: use healthNote$/, 'pas pour un frein de santé : utilisez la note de santé'],
  [/^required for a reorientation$|^required to reorient$/, 'obligatoire pour une réorientation'],
  [/^required to end$/, 'obligatoire pour terminer'],
  [/^required for a renewal.*$/, 'obligatoire pour un renouvellement'],
  [/^only for exit_other.*$/, 'seulement pour « Autre sortie »'],
  [/^required for a (\w+) \(durable from 6 months\)$/, 'obligatoire pour ce contrat (durable à partir de 6 mois)'],
  [/^a CDI has no duration$/, 'un CDI n’a pas de durée'],
  [/^required unless the offer comes from a job analysis$/, 'nommez l’employeur de cette offre'],
  [/^required without an introduction$/, 'obligatoire sans mise en relation'],
  [/^portfolio full \((\d+)\/(\d+)\)$/, 'portefeuille complet ($1/$2)'],
  [/^not an active coach of your structures$/, 'pas un·e conseiller·ère actif·ve de vos structures'],
  [/^not one of your structures$/, 'pas une de vos structures'],
  [/^no structure has this id$/, 'structure inconnue'],
  [/^unknown ROME code$/, 'code ROME inconnu'],
  [/^unknown skill code$/, 'compétence inconnue'],
  [/^give a ROME code or a job title$/, 'indiquez un code ROME ou un intitulé'],
  [/^must be an http\(s\) URL$/, 'adresse web (http ou https) attendue'],
  [/^the coaching is (already )?(\w+)$/, 'l’accompagnement n’est plus en cours'],
  [/^wrong password$/, 'mot de passe incorrect'],
  [/^wrong or already used$/, 'code incorrect ou déjà utilisé'],
  [/^same as the current password$/, 'identique au mot de passe actuel'],
  [/^already used by another account$/, 'déjà utilisée par un autre compte'],
  [/^the limit is (.*)$/, 'la limite est de $1'],
  [/^malformed JSON$/, 'demande illisible'],
  [/^managers only$/, 'réservé aux responsables'],
  [/^the offer is no longer open$/, 'l’offre n’est plus ouverte'],
  [/^no (open )?offer has this id$/, 'offre introuvable'],
];

/** A reason of the API in French; an English reason the catalogue does not know becomes a neutral French one. */
export function reasonInFrench(reason: string): string {
  // class-validator starts with the property's name ("employerSiret must be…"): the field already says it.
  const bare = reason.replace(/^[A-Za-z0-9.]+ (?=must|should)/, '').replace(/^each value in [A-Za-z0-9.]+ /, '');
  for (const [pattern, french] of REASONS) if (pattern.test(bare)) return bare.replace(pattern, french);
  return 'valeur refusée : vérifiez ce champ';
}

/** One detail as a sentence: « Note : au plus 2000 caractères ». */
export function detailInFrench(detail: { field: string; reason: string }): string {
  const label = fieldLabel(detail.field);
  const reason = reasonInFrench(detail.reason);
  return label ? `${label} : ${reason}` : reason;
}

/** What to tell the user about a failed answer, in French, whatever the API said. */
export function problemInFrench(problem: ApiProblem): string {
  const byCode = codeMessage(problem.code);
  if (problem.status === 401) return 'Votre session a expiré : reconnectez-vous.';
  if (problem.status === 403) return byCode ?? 'Vous n’avez pas accès à cette action.';
  if (problem.status === 404) return byCode ?? 'Élément introuvable ou hors de votre périmètre.';
  if (problem.status === 413) return 'Le contenu envoyé est trop volumineux.';
  if (problem.status === 429) return 'Trop de demandes : patientez un moment avant de réessayer.';
  if (problem.status >= 500) return 'Le service ne répond pas correctement ; réessayez dans un instant.';
  const details = problem.details.map(detailInFrench);
  const head =
    byCode ??
    (problem.status === 409
      ? 'Cette action entre en conflit avec l’état actuel.'
      : problem.details.length > 0
        ? 'Corrigez les champs signalés.'
        : 'La demande a été refusée.');
  return details.length > 0 ? `${head} ${details.join(' ; ')}.` : head;
}

/** Text of a length counter: « 120 / 2 000 caractères », or how many are too many. */
export function lengthCounter(length: number, limit: number): { text: string; over: boolean } {
  const format = (value: number) => value.toLocaleString('fr-FR');
  const over = length > limit;
  return {
    over,
    text: over
      ? `${format(length)} / ${format(limit)} caractères : ${format(length - limit)} de trop`
      : `${format(length)} / ${format(limit)} caractères`,
  };
}

/** Client-side date rules, the same the API applies: a date not after today, an end not before its start. */
export function dateProblem(
  value: string,
  rules: { notAfter?: string; notBefore?: string; required?: boolean; afterMessage?: string; beforeMessage?: string },
): string | null {
  if (!value) return rules.required ? 'ce champ est obligatoire' : null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return 'date attendue (JJ/MM/AAAA)';
  const day = value.slice(0, 10);
  if (rules.notAfter && day > rules.notAfter.slice(0, 10))
    return rules.afterMessage ?? 'ne peut pas être dans le futur';
  if (rules.notBefore && day < rules.notBefore.slice(0, 10))
    return rules.beforeMessage ?? 'ne peut pas être antérieure à la date de début';
  return null;
}

/** Text for searching: lower case, without accents (« Leïla » and « leila » meet). */
export function searchable(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
