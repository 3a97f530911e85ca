import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../api/client';
import type { NotificationResponse } from '../../api/types';
import { Alert, Button, Loading, PageTitle } from '../../ui/ui';
import { NotificationItem } from './notification-item';
import { notificationTarget, useNotificationsData } from './use-notifications-data';

/** The user's inbox: what others did that concerns them, newest first; opening one marks it read. */
export function NotificationsPage() {
  const navigate = useNavigate();
  const { data: items, error, setError, markRead } = useNotificationsData();
  const [busy, setBusy] = useState(false);

  const open = async (notification: NotificationResponse) => {
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
            {items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onOpen={() => void open(notification)}
                onRead={() =>
                  void markRead([notification.id]).catch((caught: unknown) => setError(describeError(caught)))
                }
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
