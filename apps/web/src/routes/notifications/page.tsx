import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../api/client';
import type { NotificationView } from '../../api/types';
import { Alert, Badge, Button, formatDate, formatDateTime, Loading, PageTitle } from '../../ui/ui';
import { notificationTarget, useNotificationsData } from './use-notifications-data';

const KIND_LABELS: Record<string, string> = {
  candidate_request: 'Demande de candidat',
  candidate_request_answered: 'Réponse du référent',
  employer_answer: 'Réponse de l’employeur',
  employer_no_answer: 'Relance employeur',
  follow_up_due: 'Suivi à faire',
  retention_notice: 'Conservation des données',
};

/** The user's inbox: what others did that concerns them, newest first; opening one marks it read. */
export function NotificationsPage() {
  const navigate = useNavigate();
  const { data: items, error, setError, markRead } = useNotificationsData();
  const [busy, setBusy] = useState(false);

  const open = async (notification: NotificationView) => {
    setError(null);
    try {
      if (!notification.readAt) await markRead([notification.id]);
      void navigate(notificationTarget(notification).to);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const unread = (items ?? []).filter((item) => !item.readAt);

  return (
    <>
      <PageTitle title="Notifications">Notifications</PageTitle>
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading what="des notifications" />}
      {items && items.length === 0 && <p>Aucune notification.</p>}
      {items && items.length > 0 && (
        <>
          <div className="toolbar">
            <p style={{ margin: 0 }} role="status">
              {unread.length === 0
                ? 'Tout est lu.'
                : `${unread.length} notification${unread.length > 1 ? 's' : ''} non lue${unread.length > 1 ? 's' : ''}.`}
            </p>
            {unread.length > 0 && (
              <Button
                variant="secondary"
                isDisabled={busy}
                onPress={() => {
                  setBusy(true);
                  markRead(unread.map((item) => item.id))
                    .catch((caught: unknown) => setError(describeError(caught)))
                    .finally(() => setBusy(false));
                }}
              >
                Tout marquer comme lu
              </Button>
            )}
          </div>
          <ul className="notifications" aria-label="Notifications, les plus récentes d’abord">
            {items.map((notification) => {
              const target = notificationTarget(notification);
              return (
                <li key={notification.id} className={`card notification${notification.readAt ? '' : ' unread'}`}>
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
                        void open(notification);
                      }}
                    >
                      {target.label}
                    </Link>
                    {!notification.readAt && (
                      <Button
                        variant="secondary"
                        onPress={() =>
                          void markRead([notification.id]).catch((caught: unknown) => setError(describeError(caught)))
                        }
                      >
                        Marquer comme lue<span className="visually-hidden"> : {notification.message}</span>
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
