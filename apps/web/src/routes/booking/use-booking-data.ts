import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/types';

export type BookingPage = components['schemas']['BookingPageResponse'];

/** What an answer of the booking API says: the page (open, booked, gone), or why it cannot be shown. */
export type BookingView =
  | { readonly kind: 'page'; readonly page: BookingPage }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'taken' }
  | { readonly kind: 'failed' };

async function viewOf(
  call: Promise<{ data?: BookingPage; error?: unknown; response: Response }>,
): Promise<BookingView> {
  try {
    const { data, error, response } = await call;
    if (data) return { kind: 'page', page: data };
    // An expired or revoked link answers 410 with the page that says why.
    if (response.status === 410) return { kind: 'page', page: error as BookingPage };
    if (response.status === 404) return { kind: 'unknown' };
    if (response.status === 429) return { kind: 'busy' };
    if (response.status === 409) return { kind: 'taken' };
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/** The booking link's page, and `book`: picks a slot and shows what the API answered. */
export function useBookingData(token: string) {
  const [view, setView] = useState<BookingView | null>(null);
  const load = useCallback(
    () => viewOf(api.GET('/bookings/{token}', { params: { path: { token } } })).then(setView),
    [token],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const book = async (slotId: string): Promise<BookingView> => {
    const answer = await viewOf(api.POST('/bookings/{token}', { params: { path: { token } }, body: { slotId } }));
    if (answer.kind === 'page') setView(answer);
    return answer;
  };
  return { view, book, reload: load };
}
