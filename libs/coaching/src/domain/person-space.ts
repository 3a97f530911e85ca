import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { AnonymousActor } from '@passerelle/identity';
import type { PersonMessage } from './booking.js';

/**
 * The person's own space: a link sent by SMS or e-mail (a token of 32 random bytes, base64url, of
 * which only the SHA-256 hash is kept, as the card and booking links), that expires and may be
 * revoked. The first browser to open it is admitted (a device cookie, hashed in the database);
 * another browser needs a short code sent to the person, so a link forwarded or seen over a
 * shoulder after its first opening opens nothing.
 */
export const SPACE_LINK_DAYS = 30;
/** How long a short code may be typed, and how many wrong tries it takes. */
export const SPACE_CODE_MINUTES = 10;
export const SPACE_CODE_MAX_ATTEMPTS = 5;
/** Codes one link may send in an hour: each one is an SMS to the person. */
export const SPACE_CODES_PER_HOUR = 3;
/** The device cookie, scoped to the link's path. */
export const SPACE_DEVICE_COOKIE = 'passerelle_espace';

export function newSpaceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isSpaceToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Hashes a link token, a device cookie or a short code (the latter salted by its link). */
export function hashSpaceSecret(secret: string, salt = ''): string {
  return createHash('sha256').update(`${salt}${secret}`).digest('hex');
}

/** Six digits, easy to type on a phone. */
export function newSpaceCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function spaceUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/espace/${token}`;
}

/** Who acts in a person's space: the person, through one link and one admitted device. */
export interface SpaceVisitor {
  readonly beneficiaryId: string;
  readonly structureId: string;
  readonly referentUserId: string | null;
  readonly firstName: string | null;
  readonly linkId: string;
  readonly deviceId: string;
  readonly ip?: string;
}

/**
 * The audit row's actor when the person acts in their own space: no user, no role; the details say
 * `by: 'person'` with the link, so a person's access report tells their own views from the staff's.
 */
export function personAuditActor(visitor: SpaceVisitor): AnonymousActor {
  return { userId: null, structureId: null, roles: [], ...(visitor.ip ? { ip: visitor.ip } : {}) };
}

export function personAuditDetails(visitor: SpaceVisitor, part: string, more: Record<string, unknown> = {}) {
  return { by: 'person', part, spaceLinkId: visitor.linkId, deviceId: visitor.deviceId, ...more };
}

const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long' });

export function spaceLinkMessage(input: { firstName: string | null; url: string; expiresAt: Date }): PersonMessage {
  const hello = input.firstName ? `Bonjour ${input.firstName},` : 'Bonjour,';
  return {
    subject: 'Votre espace personnel',
    email: [
      hello,
      '',
      'Votre conseiller·ère vous ouvre un espace personnel : les offres qu’il·elle vous propose, votre fiche',
      'de présentation pour les employeurs, vos rendez-vous, vos engagements et vos consentements.',
      `Ouvrez-le ici, jusqu’au ${PARIS_DAY.format(input.expiresAt)} (ne transmettez ce lien à personne) :`,
      input.url,
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
    sms: `Votre espace personnel (offres, fiche, rendez-vous) : ${input.url} — ne transmettez ce lien à personne.`,
  };
}

export function spaceCodeMessage(code: string): PersonMessage {
  return {
    subject: 'Votre code pour ouvrir votre espace',
    email: [
      'Bonjour,',
      '',
      `Votre code pour ouvrir votre espace personnel sur un nouvel appareil : ${code}`,
      `Il est valable ${SPACE_CODE_MINUTES} minutes. Si vous n’avez rien demandé, ignorez ce message.`,
    ].join('\n'),
    sms: `Votre code Passerelle : ${code} (valable ${SPACE_CODE_MINUTES} min). Ne le communiquez à personne.`,
  };
}
