import { createHash, randomBytes } from 'node:crypto';

/** A card link's token: 32 random bytes, base64url (43 characters). Only its hash is kept. */
export function newCardToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isCardToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function cardLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/cartes/${token}`;
}

const parisDate = (date: Date): string => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/** The e-mail that takes the link to the employer's contact. */
export function cardLinkEmail(link: {
  readonly contactName: string;
  readonly firstName: string;
  readonly offerTitle: string | null;
  readonly url: string;
  readonly expiresAt: Date;
}): { subject: string; text: string } {
  return {
    subject: `Une candidature pour ${link.offerTitle ?? 'votre entreprise'} : ${link.firstName}`,
    text: [
      `Bonjour ${link.contactName},`,
      '',
      `Suite à notre échange, voici le profil de ${link.firstName}${link.offerTitle ? ` pour le poste « ${link.offerTitle} »` : ''}.`,
      `Vous pouvez le consulter et nous répondre en un clic jusqu’au ${parisDate(link.expiresAt)} :`,
      link.url,
      '',
      'Bien cordialement,',
      'Le service d’accompagnement vers l’emploi',
    ].join('\n'),
  };
}

/** What the mediator who sent a card is told when the employer has not answered. */
export function reminderMessage(employerName: string, sentAt: Date): string {
  return `${employerName} n’a pas encore répondu à la fiche envoyée le ${parisDate(sentAt)} : une relance ?`;
}
