import { useState } from 'react';
import { useParams } from 'react-router';
import { APPOINTMENT_KIND_LABELS, formatDay, formatTime, parisDay } from '../../features/agenda/agenda-time';
import { Alert, Button, Loading, PageTitle } from '../../ui/ui';
import { type BookingPage, useBookingData } from './use-booking-data';

const GONE: Record<string, string> = {
  expired: 'Ce lien a expiré. Demandez un nouveau lien à votre conseiller·ère.',
  revoked: 'Ce lien a été retiré. Demandez un nouveau lien à votre conseiller·ère.',
  closed: 'Ce lien n’est plus valable. Contactez votre conseiller·ère.',
};

const capital = (text: string): string => text.replace(/^./, (letter) => letter.toUpperCase());

/**
 * The page a person opens from an invitation, without an account, often on a phone: the coach's free slots and
 * the workshops with a place left, by day, one tap to pick, then the appointment it became. Only the first name shows: the link may have been forwarded.
 */
export function BookingPage() {
  const { token = '' } = useParams();
  const { view, book, reload } = useBookingData(token);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (slotId: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const answer = await book(slotId);
    if (answer.kind === 'taken') {
      setProblem('Ce créneau vient d’être pris : choisissez-en un autre.');
      await reload();
    } else if (answer.kind === 'busy') setProblem('Trop de demandes : réessayez dans une minute.');
    else if (answer.kind !== 'page') setProblem('La réservation n’a pas abouti : réessayez dans un instant.');
    setBusy(false);
  };

  return (
    <main id="contenu" className="booking">
      <PageTitle title="Choisir un rendez-vous">Choisir un rendez-vous</PageTitle>
      {problem && <Alert>{problem}</Alert>}
      {!view && <Loading what="des créneaux" />}
      {view?.kind === 'unknown' && (
        <Alert>
          Ce lien n’existe pas. Vérifiez qu’il est complet, ou demandez-en un nouveau à votre conseiller·ère.
        </Alert>
      )}
      {view?.kind === 'busy' && <Alert>Trop de demandes : réessayez dans une minute.</Alert>}
      {view?.kind === 'failed' && <Alert>La page n’a pas pu être chargée : réessayez dans un instant.</Alert>}
      {view?.kind === 'page' && <Content page={view.page} busy={busy} onPick={(slotId) => void pick(slotId)} />}
    </main>
  );
}

function Content({ page, busy, onPick }: { page: BookingPage; busy: boolean; onPick: (slotId: string) => void }) {
  if (page.state === 'gone') return <Alert kind="info">{GONE[page.reason ?? 'closed']}</Alert>;
  const hello = page.firstName ? `Bonjour ${page.firstName},` : 'Bonjour,';
  if (page.state === 'booked' && page.booked) {
    const booked = page.booked;
    return (
      <div className="card" role="status">
        <p>{hello}</p>
        {booked.cancelled ? (
          <p>Votre rendez-vous a été annulé. Contactez votre conseiller·ère.</p>
        ) : (
          <p>
            Votre rendez-vous est confirmé : <strong>{capital(formatDay(parisDay(booked.startsAt)))}</strong> de{' '}
            {formatTime(booked.startsAt)} à {formatTime(booked.endsAt)} (
            {booked.title ? `atelier « ${booked.title} »` : (APPOINTMENT_KIND_LABELS[booked.kind] ?? booked.kind)})
            {booked.place ? `, ${booked.place}` : ''}.
          </p>
        )}
      </div>
    );
  }
  const days = [...new Set(page.slots.map((slot) => parisDay(slot.startsAt)))];
  return (
    <>
      <p>{hello}</p>
      {page.slots.length === 0 ? (
        <p>Aucun créneau n’est libre pour le moment. Contactez votre conseiller·ère.</p>
      ) : (
        <p>Choisissez le créneau qui vous convient : un seul choix, il est aussitôt réservé.</p>
      )}
      {days.map((day) => (
        <section key={day} aria-label={capital(formatDay(day))}>
          <h2>{capital(formatDay(day))}</h2>
          <ul className="slots">
            {page.slots
              .filter((slot) => parisDay(slot.startsAt) === day)
              .map((slot) => (
                <li key={slot.id}>
                  <Button isDisabled={busy} onPress={() => onPick(slot.id)}>
                    {formatTime(slot.startsAt)} – {formatTime(slot.endsAt)} ·{' '}
                    {slot.title ? `Atelier « ${slot.title} »` : (APPOINTMENT_KIND_LABELS[slot.kind] ?? slot.kind)}
                    {slot.place ? ` · ${slot.place}` : ''}
                  </Button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
