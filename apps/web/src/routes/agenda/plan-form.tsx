import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import { APPOINTMENT_KIND_OPTIONS, type AppointmentKind, parisInstant } from '../../features/agenda/agenda-time';
import { Choice } from '../../ui/choice';
import { Checks, Field, fieldErrors, NativeDate } from '../../ui/forms';
import { Alert, Button } from '../../ui/ui';
import type { Person } from './use-agenda-data';

const DURATIONS = [
  { id: '30', label: '30 minutes' },
  { id: '45', label: '45 minutes' },
  { id: '60', label: '1 heure' },
  { id: '90', label: '1 h 30' },
  { id: '120', label: '2 heures' },
  { id: '180', label: '3 heures' },
] as const;
type Duration = (typeof DURATIONS)[number]['id'];

/** Plans an appointment: one person of the portfolio, or a collective session with its title, place and capacity. */
export function PlanForm({
  people,
  defaultDay,
  onPlanned,
}: {
  people: Person[];
  defaultDay: string;
  onPlanned: (message: string, day: string) => void;
}) {
  const [kind, setKind] = useState<AppointmentKind>('in_person');
  const [start, setStart] = useState(`${defaultDay}T09:00`);
  const [duration, setDuration] = useState<Duration>('60');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('');
  const [person, setPerson] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const collective = kind === 'collective';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(start)) found.startsAt = 'indiquez le jour et l’heure';
    if (collective) {
      if (!title.trim()) found.title = 'indiquez le titre de l’atelier';
      if (!place.trim()) found.place = 'indiquez le lieu de l’atelier';
      const places = Number(capacity);
      if (!Number.isInteger(places) || places < 1 || places > 200) found.capacity = 'un nombre de places de 1 à 200';
      else if (chosen.length > places) found.beneficiaryIds = 'plus de personnes que de places';
    } else if (!person) found.beneficiaryIds = 'choisissez la personne';
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    const [day, time] = start.split('T');
    const startsAt = parisInstant(day, time);
    const endsAt = new Date(startsAt.getTime() + Number(duration) * 60_000);
    setBusy(true);
    try {
      await ok(
        api.POST('/appointments', {
          body: {
            kind,
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            ...(place.trim() ? { place: place.trim() } : {}),
            ...(collective ? { title: title.trim(), capacity: Number(capacity) } : {}),
            beneficiaryIds: collective ? chosen : [person!],
          },
        }),
      );
      setTitle('');
      setChosen([]);
      setPerson(null);
      onPlanned(collective ? 'Atelier planifié.' : 'Rendez-vous planifié.', day);
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      ref={form}
      onSubmit={(event) => void submit(event)}
      aria-label="Planifier un rendez-vous"
      validationBehavior="aria"
    >
      {problem && <Alert>{problem}</Alert>}
      <div className="toolbar">
        <Choice label="Type" options={APPOINTMENT_KIND_OPTIONS} value={kind} onChange={setKind} />
        <NativeDate
          label="Début"
          name="startsAt"
          type="datetime-local"
          value={start}
          onChange={setStart}
          isRequired
          error={errors.startsAt}
        />
        <Choice label="Durée" options={DURATIONS} value={duration} onChange={setDuration} />
      </div>
      {collective && (
        <div className="toolbar">
          <Field
            label="Titre de l’atelier"
            name="title"
            value={title}
            onChange={setTitle}
            isRequired
            maxLength={200}
            errorMessage={errors.title}
          />
          <Field
            label="Nombre de places"
            name="capacity"
            value={capacity}
            onChange={setCapacity}
            inputMode="numeric"
            isRequired
            errorMessage={errors.capacity}
          />
        </div>
      )}
      <Field
        label={collective ? 'Lieu' : 'Lieu ou lien de visio'}
        name="place"
        value={place}
        onChange={setPlace}
        isRequired={collective}
        maxLength={300}
        errorMessage={errors.place}
      />
      {collective ? (
        <Checks
          label="Participant·es"
          options={people}
          value={chosen}
          onChange={setChosen}
          description="D’autres personnes pourront être inscrites ensuite."
          isInvalid={!!errors.beneficiaryIds}
          errorMessage={errors.beneficiaryIds}
        />
      ) : (
        <Choice
          label="Personne"
          options={people}
          value={person}
          onChange={setPerson}
          placeholder="Choisir une personne…"
          isInvalid={!!errors.beneficiaryIds}
          errorMessage={errors.beneficiaryIds}
        />
      )}
      <Button type="submit" isDisabled={busy}>
        Planifier
      </Button>
    </Form>
  );
}
