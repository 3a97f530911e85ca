import { headerText } from '@passerelle/core';

/**
 * What Passerelle writes to employers once they were sent something (issue 23, "answers heard"): the
 * single reminder of a shortlist left unanswered, the notice that a reply to their question waits on
 * their link, and the acknowledgement of a need they posted once a mediator took it up. French,
 * plain text. None names a person or carries what a mediator wrote about one: the link, signed,
 * expiring, revocable and audited, is where the employer reads that (an e-mail is forwarded and
 * kept in mailboxes Passerelle cannot erase). Nothing about welfare, ever. Every value from outside
 * goes into a subject through `headerText` (one line), and the mailer refuses any recipient that is
 * not one plain address.
 */

const SIGNATURE = ['', 'Bien cordialement,', 'Le service d’accompagnement vers l’emploi'];

const parisDate = (date: Date): string =>
  date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** A line of text from outside (a name, a job title) for a body: one line, bounded. */
function line(value: string, max = 200): string {
  const text = headerText(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The one reminder of a shortlist left unanswered, with the same link. */
export function shortlistReminderEmail(input: {
  readonly contactName: string;
  readonly offerTitle: string;
  readonly sentAt: Date;
  readonly waiting: number;
  readonly url: string;
  readonly expiresAt: Date;
}): { subject: string; text: string } {
  const offer = line(input.offerTitle);
  const people = input.waiting > 1 ? `${input.waiting} profils attendent` : 'un profil attend';
  return {
    subject: headerText(`Rappel : ${people} votre réponse pour ${offer}`),
    text: [
      `Bonjour ${line(input.contactName)},`,
      '',
      `Le ${parisDate(input.sentAt)}, nous vous avons proposé des profils pour le poste « ${offer} ».`,
      `${input.waiting > 1 ? `${input.waiting} profils attendent` : 'Un profil attend'} encore votre réponse. Répondre ne prend qu’un instant, même pour dire « pas pour le moment » :`,
      input.url,
      '',
      `Ce lien reste valable jusqu’au ${parisDate(input.expiresAt)}. Nous ne vous relancerons plus pour cette sélection.`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** A reply to the employer's question waits on the link: the link, not the reply (see above). */
export function shortlistReplyEmail(input: {
  readonly contactName: string;
  readonly offerTitle: string;
  readonly senderName: string;
  readonly url: string;
}): { subject: string; text: string } {
  const offer = line(input.offerTitle);
  return {
    subject: headerText(`Réponse à votre question pour ${offer}`),
    text: [
      `Bonjour ${line(input.contactName)},`,
      '',
      `${line(input.senderName)} a répondu à votre question sur la sélection de profils pour le poste « ${offer} ».`,
      'Vous lisez la réponse, et pouvez poser une autre question ou répondre, sur la page de la sélection :',
      input.url,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** The need the employer posted was taken up by a mediator: what became of it. */
export function needAcknowledgementEmail(input: {
  readonly contactName: string;
  readonly jobTitle: string;
  readonly receivedAt: Date;
  readonly mediatorName: string;
  readonly published: boolean;
}): { subject: string; text: string } {
  const job = line(input.jobTitle);
  return {
    subject: headerText(`Votre besoin « ${job} » a été pris en charge`),
    text: [
      `Bonjour ${line(input.contactName)},`,
      '',
      `Votre besoin de recrutement « ${job} », reçu le ${parisDate(input.receivedAt)}, a été repris par ${line(input.mediatorName)}.`,
      input.published
        ? 'L’offre est maintenant publiée : nous cherchons les personnes qui y correspondent et vous les proposons au plus vite.'
        : 'Le poste est décrit avec vous ; nous revenons vers vous avant de proposer des personnes.',
      ...SIGNATURE,
    ].join('\n'),
  };
}
