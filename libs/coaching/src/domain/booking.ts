import { createHash, randomBytes } from 'node:crypto';
import type { AppointmentKind } from './appointment.js';

/**
 * Self-booking links: as the employers' card links, a token of 32 random bytes (base64url, 43
 * characters) that only its holder knows; Passerelle keeps its SHA-256 hash, so a database read
 * gives no usable link, and a token altered by one character matches nothing.
 */
export const BOOKING_LINK_DAYS = 14;

export function newBookingToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isBookingToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashBookingToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The page of the web application where the person picks a slot. */
export function bookingUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/app/rendez-vous/${token}`;
}

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const MESSAGE_PURPOSES = ['invitation', 'reminder', 'moved', 'space_link', 'space_code'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** What became of one channel of a message: sent, failed (recorded), or not tried and why. */
export type DeliveryOutcome = 'sent' | 'failed' | 'no_consent' | 'no_address';

/** One message in the words of each channel (an SMS is short and carries no greeting). */
export interface PersonMessage {
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const when = (at: Date): string => `${PARIS_DAY.format(at)} à ${PARIS_TIME.format(at)}`;

const HOW: Record<AppointmentKind, string> = {
  in_person: 'sur place',
  phone: 'par téléphone',
  video: 'en visio',
  collective: 'en atelier collectif',
};

export function invitationMessage(input: { firstName: string | null; url: string; expiresAt: Date }): PersonMessage {
  const hello = input.firstName ? `Bonjour ${input.firstName},` : 'Bonjour,';
  return {
    subject: 'Choisissez votre prochain rendez-vous',
    email: [
      hello,
      '',
      'Votre conseiller·ère vous propose de choisir vous-même le créneau de votre prochain rendez-vous.',
      `Choisissez-le ici, jusqu’au ${PARIS_DAY.format(input.expiresAt)} :`,
      input.url,
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
    sms: `Choisissez votre prochain rendez-vous avec votre conseiller·ère : ${input.url}`,
  };
}

/** The invitation of a new entrant (from the orientation service's list) to their first appointment. */
export function firstAppointmentMessage(input: {
  firstName: string | null;
  url: string;
  expiresAt: Date;
}): PersonMessage {
  const hello = input.firstName ? `Bonjour ${input.firstName},` : 'Bonjour,';
  return {
    subject: 'Votre premier rendez-vous d’accompagnement',
    email: [
      hello,
      '',
      'Vous avez été orienté·e vers notre service d’accompagnement vers l’emploi.',
      `Choisissez vous-même le créneau de votre premier rendez-vous, jusqu’au ${PARIS_DAY.format(input.expiresAt)} :`,
      input.url,
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
    sms: `Vous êtes orienté·e vers l’accompagnement vers l’emploi : choisissez votre premier rendez-vous ici ${input.url}`,
  };
}

export interface MessageAppointment {
  readonly kind: AppointmentKind;
  readonly title: string | null;
  readonly place: string | null;
  readonly startsAt: Date;
}

const what = (appointment: MessageAppointment): string =>
  appointment.title ? `l’atelier « ${appointment.title} »` : `votre rendez-vous ${HOW[appointment.kind]}`;
const where = (appointment: MessageAppointment): string => (appointment.place ? ` (${appointment.place})` : '');

export function reminderMessage(firstName: string | null, appointment: MessageAppointment): PersonMessage {
  const hello = firstName ? `Bonjour ${firstName},` : 'Bonjour,';
  return {
    subject: 'Rappel : votre rendez-vous de demain',
    email: [
      hello,
      '',
      `Nous vous rappelons ${what(appointment)} ${when(appointment.startsAt)}${where(appointment)}.`,
      'Si vous ne pouvez pas venir, prévenez votre conseiller·ère.',
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
    sms: `Rappel : ${what(appointment)} ${when(appointment.startsAt)}${where(appointment)}. En cas d’empêchement, prévenez votre conseiller·ère.`,
  };
}

export function movedMessage(firstName: string | null, appointment: MessageAppointment): PersonMessage {
  const hello = firstName ? `Bonjour ${firstName},` : 'Bonjour,';
  return {
    subject: 'Votre rendez-vous a changé',
    email: [
      hello,
      '',
      `${what(appointment).replace(/^./, (letter) => letter.toUpperCase())} a été déplacé : il aura lieu ${when(appointment.startsAt)}${where(appointment)}.`,
      'Si ce nouvel horaire ne vous convient pas, prévenez votre conseiller·ère.',
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
    sms: `Changement : ${what(appointment)} aura lieu ${when(appointment.startsAt)}${where(appointment)}.`,
  };
}
