import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import {
  APPOINTMENT_KIND_LABELS,
  formatDay,
  formatTime,
  parisDay,
  parisInstant,
  plusDays,
} from '../../features/agenda/agenda-time';
import { Choice } from '../../ui/choice';
import { Field, fieldErrors, NativeDate } from '../../ui/forms';
import { Alert, Badge, Button } from '../../ui/ui';

const SLOT_KINDS = [
  { id: 'in_person', label: 'En présentiel' },
  { id: 'phone', label: 'Par téléphone' },
  { id: 'video', label: 'En visio' },
] as const;
type SlotKind = (typeof SLOT_KINDS)[number]['id'];
const LENGTHS = [
  { id: '30', label: '30 minutes' },
  { id: '45', label: '45 minutes' },
  { id: '60', label: '1 heure' },
] as const;
type Length = (typeof LENGTHS)[number]['id'];

/**
 * The coach's free slots over the days shown: the people invited pick one through their link, and it becomes an
 * appointment. A free slot can be withdrawn; a booked one shows as such (its appointment is in the agenda).
 */
export function SlotsSection({ first, days, onBooked }: { first: string; days: number; onBooked: () => void }) {
  const slots = useApiData(
    () =>
      ok(
        api.GET('/appointment-slots', {
          params: {
            query: {
              from: parisInstant(first).toISOString(),
              to: parisInstant(plusDays(first, days)).toISOString(),
            },
          },
        }),
      ).then((page) => page.items),
    [first, days],
  );
  const [kind, setKind] = useState<SlotKind>('in_person');
  const [start, setStart] = useState(`${first}T14:00`);
  const [length, setLength] = useState<Length>('45');
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    setNotice(null);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(start)) {
      setErrors({ startsAt: 'indiquez le jour et l’heure' });
      return;
    }
    setErrors({});
    const [day, time] = start.split('T');
    const startsAt = parisInstant(day, time);
    setBusy(true);
    try {
      await ok(
        api.POST('/appointment-slots', {
          body: {
            kind,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + Number(length) * 60_000).toISOString(),
            ...(place.trim() ? { place: place.trim() } : {}),
          },
        }),
      );
      setNotice(`Créneau ouvert le ${formatDay(day)} à ${time}.`);
      slots.reload();
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (id: string) => {
    setProblem(null);
    try {
      await ok(api.DELETE('/appointment-slots/{id}', { params: { path: { id } } }));
      setNotice('Créneau retiré.');
      slots.reload();
      onBooked();
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };

  return (
    <section className="card" aria-labelledby="slots">
      <h2 id="slots">Créneaux libres à proposer</h2>
      <p className="muted">Les personnes invitées depuis leur dossier choisissent l’un de ces créneaux.</p>
      {problem && <Alert>{problem}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {slots.error && <Alert>{slots.error}</Alert>}
      {slots.data && slots.data.length === 0 && <p>Aucun créneau sur cette période.</p>}
      {slots.data && slots.data.length > 0 && (
        <ul aria-label="Créneaux de la période">
          {slots.data.map((slot) => (
            <li key={slot.id}>
              {formatDay(parisDay(slot.startsAt))}, {formatTime(slot.startsAt)}–{formatTime(slot.endsAt)} (
              {APPOINTMENT_KIND_LABELS[slot.kind] ?? slot.kind}){slot.place ? `, ${slot.place}` : ''}{' '}
              {slot.appointmentId ? (
                <Badge tone="success">réservé</Badge>
              ) : (
                <Button
                  variant="secondary"
                  onPress={() => void withdraw(slot.id)}
                  aria-label={`Retirer le créneau du ${formatDay(parisDay(slot.startsAt))} à ${formatTime(slot.startsAt)}`}
                >
                  Retirer
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={(event) => void submit(event)} aria-label="Ouvrir un créneau" validationBehavior="aria">
        <div className="toolbar">
          <Choice label="Type de créneau" options={SLOT_KINDS} value={kind} onChange={setKind} />
          <NativeDate
            label="Début du créneau"
            name="startsAt"
            type="datetime-local"
            value={start}
            onChange={setStart}
            isRequired
            error={errors.startsAt}
          />
          <Choice label="Durée du créneau" options={LENGTHS} value={length} onChange={setLength} />
        </div>
        <Field
          label="Lieu du créneau"
          name="place"
          value={place}
          onChange={setPlace}
          maxLength={300}
          errorMessage={errors.place}
        />
        <Button type="submit" isDisabled={busy}>
          Ouvrir ce créneau
        </Button>
      </Form>
    </section>
  );
}
