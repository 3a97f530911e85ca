import type { ReactNode } from 'react';
import type { IntroductionStatus, IntroductionResponse } from '../../api/types';
import { EMPLOYER_ANSWER_LABELS, INTRODUCTION_STATUS_LABELS } from '../../ui/labels';
import { formatDate, formatDateTime } from '../../ui/ui';

/** A text of an event's details, or null when there is none. */
export const eventText = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** The introduction's timeline: stages, links, the employer's views and answers, by whom. */
export function HistorySection({ events, userId }: { events: IntroductionResponse['events']; userId: string | null }) {
  return (
    <section aria-labelledby="intro-history">
      <h2 id="intro-history">Historique</h2>
      <ol className="timeline">
        {events.map((event, index) => (
          <li key={`${index}-${String(event.at)}`}>
            <EventLine event={event} userId={userId} />
          </li>
        ))}
      </ol>
    </section>
  );
}

type IntroductionEvent = IntroductionResponse['events'][number];

function EventLine({ event, userId }: { event: IntroductionEvent; userId: string | null }) {
  const who =
    event.actorKind === 'employer'
      ? 'L’employeur'
      : event.actorUserId && event.actorUserId === userId
        ? 'Vous'
        : 'Un membre de l’équipe';
  const status = (value: IntroductionStatus | null) => (value ? INTRODUCTION_STATUS_LABELS[value] : '');
  let what: ReactNode;
  switch (event.kind) {
    case 'transition':
      what = event.fromStatus ? (
        <>
          Étape : {status(event.fromStatus)} → <strong>{status(event.toStatus)}</strong>
        </>
      ) : (
        <strong>Mise en relation proposée</strong>
      );
      break;
    case 'link_sent':
      what = (
        <>
          Lien vers la fiche envoyé à l’employeur
          {eventText(event.details.expiresAt) &&
            ` (valable jusqu’au ${formatDate(eventText(event.details.expiresAt))})`}
        </>
      );
      break;
    case 'link_revoked':
      what = 'Liens vers la fiche désactivés';
      break;
    case 'viewed':
      what = 'Fiche consultée par l’employeur';
      break;
    case 'answered': {
      const answer = eventText(event.details.answer) ?? '';
      const message = eventText(event.details.message);
      const interview = eventText(event.details.proposedInterview);
      what = (
        <>
          Réponse de l’employeur : <strong>{EMPLOYER_ANSWER_LABELS[answer] ?? answer}</strong>
          {message && <blockquote style={{ margin: '0.3rem 0 0.3rem 1rem' }}>« {message} »</blockquote>}
          {interview && <div>Entretien proposé : {interview}</div>}
        </>
      );
      break;
    }
    default:
      what = event.kind;
  }
  return (
    <>
      <span className="muted">
        {formatDateTime(event.at)} — {who}
      </span>
      <div>{what}</div>
    </>
  );
}
