import { createHash, randomBytes } from 'node:crypto';
import {
  MILESTONES,
  type Milestone,
  type PlacementContract,
  PLACEMENT_END_REASONS,
  type PlacementEndReason,
} from './outcomes.js';

/**
 * The employer's side of a placement's checkpoint (issue 23): a signed, expiring, revocable link
 * the mediator sends to an employer contact, opening a two-question form without an account. The
 * rules that need no database: the token, the form's reading, the words the employer reads.
 */

/** Days an employer's follow-up link stays valid by default, and at most. */
export const EMPLOYER_FOLLOW_UP_LINK_DAYS = 14;
export const EMPLOYER_FOLLOW_UP_LINK_MAX_DAYS = 60;
/** Characters of « Quelque chose à signaler ? » kept at most. */
export const EMPLOYER_REMARK_MAX = 1000;

/** A link's token: 32 random bytes, base64url (43 characters). Only its hash is kept. */
export function newFollowUpToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isFollowUpToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashFollowUpToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function employerFollowUpUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/suivis-employeur/${token}`;
}

/** Where a link stands, as the staff see it: sent, opened by the employer, answered. */
export const EMPLOYER_LINK_STATES = ['sent', 'opened', 'answered'] as const;
export type EmployerLinkState = (typeof EMPLOYER_LINK_STATES)[number];

/** The French the employer reads for each way a job ends. */
export const END_REASON_LABELS: Readonly<Record<PlacementEndReason, string>> = {
  contract_end: 'Fin du contrat',
  trial_period_end: 'Fin de la période d’essai',
  resignation: 'Démission',
  dismissal: 'Licenciement',
  other: 'Autre raison',
};

/** The form as the page posts it (every field text; none trusted). */
export interface EmployerFollowUpForm {
  readonly stillEmployed?: string;
  readonly endDate?: string;
  readonly endReason?: string;
  readonly remark?: string;
}

export type EmployerFollowUpField = keyof EmployerFollowUpForm;

export interface EmployerFollowUpProblem {
  readonly field: EmployerFollowUpField;
  /** In English, for the logs and the API's details. */
  readonly reason: string;
  /** In French, next to the field. */
  readonly message: string;
}

/** The employer's answer as stored. */
export interface EmployerFollowUpAnswer {
  readonly inJob: boolean;
  readonly endDate: string | null;
  readonly endReason: PlacementEndReason | null;
  readonly remark: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A date as a French employer writes it: JJ/MM/AAAA (day first; '/', '.', '-' or spaces between,
 * day and month on one or two digits), or AAAA-MM-JJ as a browser's date field sends it. Returns
 * 'YYYY-MM-DD', or null when it is not one of those shapes (its reality is checked apart).
 */
export function readFrenchDate(value: string): string | null {
  const text = value.trim();
  if (ISO_DATE.test(text)) return text;
  const french = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(text);
  if (!french) return null;
  const [, day, month, year] = french;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The format the form asks for, said in its label and in its problems. */
export const FRENCH_DATE_FORMAT = 'JJ/MM/AAAA';

/**
 * Reads the two questions: still with you (oui / non; when not, the end date, between the job's
 * start and today, and the reason), and anything to raise (at most EMPLOYER_REMARK_MAX characters).
 */
export function readEmployerFollowUpForm(
  form: EmployerFollowUpForm,
  job: { readonly startDate: string; readonly today: string },
): { answer: EmployerFollowUpAnswer | null; problems: EmployerFollowUpProblem[] } {
  const problems: EmployerFollowUpProblem[] = [];
  const still = form.stillEmployed?.trim();
  if (still !== 'oui' && still !== 'non')
    problems.push({
      field: 'stillEmployed',
      reason: 'oui or non',
      message: 'Toujours en poste : répondez oui ou non.',
    });
  const remark = form.remark?.replace(/\r\n/g, '\n').trim() ?? '';
  if (remark.length > EMPLOYER_REMARK_MAX)
    problems.push({
      field: 'remark',
      reason: `at most ${EMPLOYER_REMARK_MAX} characters`,
      message: `Quelque chose à signaler : votre message dépasse ${EMPLOYER_REMARK_MAX} caractères, raccourcissez-le.`,
    });
  let endDate: string | null = null;
  let endReason: PlacementEndReason | null = null;
  if (still === 'non') {
    const written = form.endDate?.trim() ?? '';
    const date = readFrenchDate(written) ?? '';
    if (!written)
      problems.push({
        field: 'endDate',
        reason: 'required when the person left',
        message: 'Date de fin : indiquez le dernier jour de la personne chez vous.',
      });
    else if (!isRealDate(date))
      problems.push({
        field: 'endDate',
        reason: 'a real date DD/MM/YYYY (or YYYY-MM-DD)',
        message: `Date de fin : « ${written.slice(0, 40)} » n’est pas une date valable. Écrivez-la au format ${FRENCH_DATE_FORMAT}, par exemple 15/03/2027.`,
      });
    else if (date < job.startDate)
      problems.push({
        field: 'endDate',
        reason: `before the start ${job.startDate}`,
        message: 'Date de fin : elle est avant le début de l’emploi.',
      });
    else if (date > job.today)
      problems.push({
        field: 'endDate',
        reason: 'in the future',
        message: 'Date de fin : elle ne peut pas être dans le futur. Répondez une fois le départ effectif.',
      });
    else endDate = date;
    const reason = form.endReason?.trim() ?? '';
    if ((PLACEMENT_END_REASONS as readonly string[]).includes(reason)) endReason = reason as PlacementEndReason;
    else
      problems.push({
        field: 'endReason',
        reason: `one of ${PLACEMENT_END_REASONS.join(', ')}`,
        message: 'Raison du départ : choisissez-en une dans la liste.',
      });
  }
  if (problems.length > 0) return { answer: null, problems };
  return { answer: { inJob: still === 'oui', endDate, endReason, remark: remark || null }, problems };
}

const parisDate = (date: Date): string =>
  date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

export const milestoneLabel = (milestone: Milestone): string => `${MILESTONES[milestone]} mois après l’embauche`;

/** The e-mail to the employer contact: who it is about (first name and initial), the link, until when. */
export function employerFollowUpEmail(input: {
  readonly contactName: string;
  readonly person: string;
  readonly milestone: Milestone;
  readonly senderName: string;
  readonly url: string;
  readonly expiresAt: Date;
}): { subject: string; text: string } {
  return {
    subject: `Suivi de l’embauche de ${input.person} : deux questions`,
    text: `Bonjour ${input.contactName},

${milestoneLabel(input.milestone)[0].toUpperCase()}${milestoneLabel(input.milestone).slice(1)} de ${input.person}, ${input.senderName} aimerait savoir comment se passe l’emploi. Deux questions, une minute, sans compte à créer :

${input.url}

Ce lien est personnel et valable jusqu’au ${parisDate(input.expiresAt)}.

Merci,
Passerelle`,
  };
}

/** The inbox line for the mediator and the coach: who answered, for whom, and the gist. */
export function employerAnsweredMessage(input: {
  readonly employerName: string;
  readonly person: string;
  readonly milestone: Milestone;
  readonly answer: EmployerFollowUpAnswer;
}): string {
  const gist = input.answer.inJob
    ? 'toujours en poste'
    : `a quitté le poste le ${input.answer.endDate!.split('-').reverse().join('/')} (${END_REASON_LABELS[input.answer.endReason!].toLowerCase()})`;
  return `${input.employerName} a répondu au suivi M+${MILESTONES[input.milestone]} de ${input.person} : ${gist}${
    input.answer.remark ? ', avec un message' : ''
  }.`;
}

const CONTRACT_WORDS: Readonly<Record<PlacementContract, string>> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Mission d’intérim',
  alternance: 'Alternance',
  saisonnier: 'Contrat saisonnier',
  contrat_aide: 'Contrat aidé',
  independant: 'Activité indépendante',
  other: 'Contrat',
};

/** The job as the employer's page names it: the offer's title when the hire came from one, and the contract. */
export function jobLabel(offerTitle: string | null, contract: PlacementContract): string {
  return offerTitle?.trim() ? `${offerTitle.trim()} (${CONTRACT_WORDS[contract]})` : CONTRACT_WORDS[contract];
}
