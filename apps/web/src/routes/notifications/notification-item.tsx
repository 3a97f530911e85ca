import { Link } from 'react-router';
import type { NotificationResponse } from '../../api/types';
import { Badge, Button, formatDate, formatDateTime } from '../../ui/ui';
import { notificationTarget } from './use-notifications-data';

const KIND_LABELS: Record<string, string> = {
  candidate_request: 'Demande de candidat',
  candidate_request_answered: 'Réponse du référent',
  employer_answer: 'Réponse de l’employeur',
  employer_need: 'Besoin d’un employeur',
  employer_no_answer: 'Relance employeur',
  shortlist_reminder: 'Relance d’une sélection',
  follow_up_due: 'Suivi à faire',
  follow_up_employer_answer: 'Réponse de l’employeur au suivi',
  retention_notice: 'Conservation des données',
  contact_rhythm_behind: 'Rythme de contact en retard',
};

/** A notification: what happened, when, and a link to what it is about (which marks it read). */
export function NotificationItem({
  notification,
  onOpen,
  onRead,
}: {
  notification: NotificationResponse;
  onOpen: () => void;
  onRead: () => void;
}) {
  const target = notificationTarget(notification);
  return (
    <li className={`card notification${notification.readAt ? '' : ' unread'}`}>
      <p style={{ margin: 0 }}>
        {!notification.readAt && <Badge tone="warning">Non lue</Badge>}
        <strong>{KIND_LABELS[notification.kind] ?? 'Notification'}</strong>{' '}
        <span className="muted">— {formatDateTime(notification.createdAt)}</span>
      </p>
      <p>{notification.message}</p>
      {notification.dueOn && <p className="muted">À faire pour le {formatDate(notification.dueOn)}</p>}
      <div className="actions">
        <Link
          to={target.to}
          onClick={(event) => {
            event.preventDefault();
            onOpen();
          }}
        >
          {target.label}
        </Link>
        {!notification.readAt && (
          <Button variant="secondary" onPress={onRead}>
            Marquer comme lue<span className="visually-hidden"> : {notification.message}</span>
          </Button>
        )}
      </div>
    </li>
  );
}
