import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { api, ok } from '../api/client';
import { earlyReadsSettled } from '../api/prefetch';

/** Sent by the inbox when it marks notifications read, so the badge follows at once. */
export const NOTIFICATIONS_CHANGED = 'passerelle:notifications-changed';

/** The inbox's entry in the navigation, with the number of unread notifications (read again on every page). */
export function NotificationsLink() {
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const changed = () => setVersion((value) => value + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, changed);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, changed);
  }, []);
  useEffect(() => {
    let current = true;
    // After the screen's own first reads (api/prefetch.ts): the count does not delay what the page is for.
    earlyReadsSettled()
      .then(() => ok(api.GET('/notifications/unread-count')))
      .then((answer) => current && setUnread(answer.unread))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [location.pathname, version]);
  return (
    <NavLink to="/notifications">
      Notifications
      {unread > 0 && (
        <span className="nav-count" data-testid="unread-count">
          <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
          <span className="visually-hidden">
            {' '}
            ({unread} non lue{unread > 1 ? 's' : ''})
          </span>
        </span>
      )}
    </NavLink>
  );
}
