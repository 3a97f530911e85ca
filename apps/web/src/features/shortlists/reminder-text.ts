import { formatDate } from '../../ui/ui';

/** « Relancé le … »: the one follow-up of a shortlist left unanswered, as the staff's screens say it. */
export function reminderText(reminder: { at: string; channel: 'email' | 'call' } | null): string | null {
  if (!reminder) return null;
  return reminder.channel === 'email'
    ? `Relancé le ${formatDate(reminder.at)} par e-mail`
    : `Relance à faire par téléphone depuis le ${formatDate(reminder.at)} (pas d’adresse e-mail)`;
}
