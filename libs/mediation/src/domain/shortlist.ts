import type { ErrorDetail } from '@passerelle/core';
import type { EmployerAnswer } from './employer.js';

/** A shortlist shows an employer one to five cards for one offer, side by side. */
export const SHORTLIST_MIN_CARDS = 1;
export const SHORTLIST_MAX_CARDS = 5;
/** The interview slots a mediator may offer on one shortlist. */
export const SHORTLIST_MAX_SLOTS = 6;

/** Why an employer says "not now" to a person: the short list the page offers (plus free text). */
export const REFUSAL_REASONS = [
  'position_filled',
  'skills_mismatch',
  'experience',
  'schedule',
  'distance',
  'not_hiring_now',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The reasons as the employer reads them on the page and the mediator in the indicators. */
export const REFUSAL_REASON_LABELS: Readonly<Record<RefusalReason, string>> = {
  position_filled: 'Le poste est déjà pourvu',
  skills_mismatch: 'Les savoir-faire ne correspondent pas au poste',
  experience: 'Pas assez d’expérience pour ce poste',
  schedule: 'Les horaires ou la disponibilité ne conviennent pas',
  distance: 'Trop loin ou pas de moyen de transport',
  not_hiring_now: 'Pas de recrutement pour le moment',
  other: 'Autre raison',
};

/** An interview slot the mediator offers (the employer picks one, or proposes another). */
export interface OfferedSlot {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string | null;
}

/** What the employer answers for one person of the shortlist. */
export interface ShortlistAnswer {
  readonly answer: EmployerAnswer;
  /** The start of the slot picked (one the mediator offered), for "interested". */
  readonly slot?: string;
  /** A slot the employer proposes in words, for "interested". */
  readonly proposedSlot?: string;
  readonly reason?: RefusalReason;
  /** Free text: the question, or what the employer adds to their answer. */
  readonly message?: string;
}

/** The slots offered: at most six, each ending after it starts and starting in the future, none twice. */
export function slotProblems(slots: readonly OfferedSlot[], now: Date): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (slots.length > SHORTLIST_MAX_SLOTS)
    problems.push({ field: 'slots', reason: `at most ${SHORTLIST_MAX_SLOTS} slots` });
  slots.forEach((slot, index) => {
    if (slot.endsAt.getTime() <= slot.startsAt.getTime())
      problems.push({ field: `slots[${index}].endsAt`, reason: 'must be after startsAt' });
    else if (slot.endsAt.getTime() - slot.startsAt.getTime() > 12 * 3_600_000)
      problems.push({ field: `slots[${index}].endsAt`, reason: 'at most 12 hours after startsAt' });
    if (slot.startsAt.getTime() <= now.getTime())
      problems.push({ field: `slots[${index}].startsAt`, reason: 'must be in the future' });
  });
  if (new Set(slots.map((slot) => slot.startsAt.getTime())).size !== slots.length)
    problems.push({ field: 'slots', reason: 'lists a start twice' });
  return problems;
}

/** One to five distinct introductions. */
export function cardCountProblems(introductionIds: readonly string[]): ErrorDetail[] {
  if (introductionIds.length < SHORTLIST_MIN_CARDS || introductionIds.length > SHORTLIST_MAX_CARDS)
    return [{ field: 'introductionIds', reason: `between ${SHORTLIST_MIN_CARDS} and ${SHORTLIST_MAX_CARDS} cards` }];
  if (new Set(introductionIds).size !== introductionIds.length)
    return [{ field: 'introductionIds', reason: 'lists an introduction twice' }];
  return [];
}

/**
 * What an answer lacks, in the page's words (French: the employer reads it), or null when it can
 * be taken: a meeting needs a slot offered or one proposed, "not now" a reason, a question its text.
 */
export function answerProblem(answer: ShortlistAnswer, offered: readonly OfferedSlot[]): string | null {
  switch (answer.answer) {
    case 'interested':
      if (answer.slot) {
        const time = Date.parse(answer.slot);
        if (!offered.some((slot) => slot.startsAt.getTime() === time))
          return 'Ce créneau ne fait pas partie de ceux proposés : choisissez-en un dans la liste.';
        return null;
      }
      return answer.proposedSlot?.trim() ? null : 'Choisissez un créneau ou proposez-en un.';
    case 'not_now':
      return answer.reason ? null : 'Indiquez une raison dans la liste.';
    case 'question':
      return answer.message?.trim() ? null : 'Écrivez votre question.';
  }
}

/** What the notification says the employer answered (no detail of the person's file). */
export function answerWording(answer: ShortlistAnswer, slotLabel: string | null): string {
  switch (answer.answer) {
    case 'interested':
      return slotLabel ? `souhaite rencontrer la personne (${slotLabel})` : 'souhaite rencontrer la personne';
    case 'not_now':
      return `pas pour le moment (${answer.reason ? REFUSAL_REASON_LABELS[answer.reason].toLowerCase() : ''})`;
    case 'question':
      return 'une question vous attend';
  }
}

const parisFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** "mardi 8 décembre à 10:00" (Paris time). */
export function slotLabel(startsAt: Date): string {
  return parisFormat.format(startsAt);
}

export function shortlistUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/selections/${token}`;
}

const parisDate = (date: Date): string => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/** The e-mail that takes the shortlist to the employer's contact. */
export function shortlistEmail(link: {
  readonly contactName: string;
  readonly count: number;
  readonly offerTitle: string;
  readonly url: string;
  readonly expiresAt: Date;
}): { subject: string; text: string } {
  return {
    subject: `${link.count} candidature${link.count > 1 ? 's' : ''} pour ${link.offerTitle}`,
    text: [
      `Bonjour ${link.contactName},`,
      '',
      `Suite à notre échange, voici ${link.count > 1 ? `${link.count} profils` : 'un profil'} pour le poste « ${link.offerTitle} ».`,
      `Vous pouvez les comparer et répondre pour chaque personne jusqu’au ${parisDate(link.expiresAt)} :`,
      link.url,
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
  };
}
