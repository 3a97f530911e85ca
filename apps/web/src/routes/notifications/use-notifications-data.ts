import { api, ok } from '../../api/client';
import type { NotificationResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { NOTIFICATIONS_CHANGED } from '../../ui/notifications-badge';

/** Where a notification leads: the page of the thing it is about. */
export function notificationTarget(notification: Pick<NotificationResponse, 'subjectType' | 'subjectId'>): {
  to: string;
  label: string;
} {
  switch (notification.subjectType) {
    case 'introduction':
      return { to: `/mises-en-relation/${notification.subjectId}`, label: 'Ouvrir la mise en relation' };
    case 'shortlist':
      return { to: `/selections/${notification.subjectId}`, label: 'Ouvrir la sélection' };
    case 'candidate_request':
      return { to: '/mediation#requests-title', label: 'Voir les demandes de candidats' };
    case 'employer_need':
      return { to: '/besoins', label: 'Voir les besoins reçus' };
    case 'follow_up':
      return { to: '/suivis', label: 'Voir les suivis' };
    case 'beneficiary':
      return { to: `/personnes/${notification.subjectId}`, label: 'Ouvrir le dossier' };
    default:
      return { to: '/', label: 'Ouvrir' };
  }
}

/** The inbox, newest first; marking notifications read here also tells the navigation's badge. */
export function useNotificationsData() {
  const inbox = useApiData(() => ok(api.GET('/notifications')).then((page) => page.items), []);
  const setItems = inbox.setData;
  const markRead = async (ids: string[]) => {
    for (const id of ids) await ok(api.POST('/notifications/{id}/read', { params: { path: { id } } }));
    const now = new Date().toISOString();
    setItems(
      (previous) =>
        previous?.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt: now } : item)) ?? null,
    );
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
  };
  return { ...inbox, markRead };
}
