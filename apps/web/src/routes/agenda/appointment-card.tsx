import { useState } from 'react';
import { Link } from 'react-router';
import { api, describeError, ok } from '../../api/client';
import type { AppointmentResponse } from '../../api/types';
import {
  APPOINTMENT_KIND_LABELS,
  appointmentTitle,
  type Attendance,
  ATTENDANCE_LABELS,
  ATTENDANCE_OPTIONS,
  formatTime,
  parisDay,
  parisInstant,
  personName,
} from '../../features/agenda/agenda-time';
import { Choice } from '../../ui/choice';
import { NativeDate } from '../../ui/forms';
import { Alert, Badge, Button } from '../../ui/ui';
import type { Person } from './use-agenda-data';

/**
 * One appointment of the agenda: when, what, where, who; once it has started, each participant's attendance
 * (present becomes a journal contact); a collective session takes more people up to its capacity.
 */
export function AppointmentCard({
  appointment,
  people,
  onChanged,
}: {
  appointment: AppointmentResponse;
  people: Person[];
  onChanged: (message: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState<string | null>(null);
  const started = Date.parse(appointment.startsAt) <= Date.now();
  const cancelled = appointment.cancelledAt !== null;
  const title = appointmentTitle(appointment);
  const taking = new Set(appointment.participants.map((participant) => participant.beneficiaryId));
  const free = people.filter((person) => !taking.has(person.id));
  const full = appointment.capacity !== null && appointment.participants.length >= appointment.capacity;

  const run = async (call: () => Promise<unknown>, message: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await call();
      onChanged(message);
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const record = (beneficiaryId: string, attendance: Attendance) =>
    run(
      () =>
        ok(
          api.PUT('/appointments/{id}/attendance', {
            params: { path: { id: appointment.id } },
            body: { beneficiaryId, attendance },
          }),
        ),
      'Présence enregistrée.',
    );

  return (
    <article className="card appointment" aria-label={`${formatTime(appointment.startsAt)} — ${title}`}>
      <h3>
        {formatTime(appointment.startsAt)}–{formatTime(appointment.endsAt)} · {title}{' '}
        <Badge>{APPOINTMENT_KIND_LABELS[appointment.kind] ?? appointment.kind}</Badge>{' '}
        {cancelled && <Badge tone="danger">annulé</Badge>}
      </h3>
      {appointment.place && <p className="muted">{appointment.place}</p>}
      {appointment.capacity !== null && (
        <p className="muted">
          {appointment.participants.length} inscrit·e{appointment.participants.length > 1 ? 's' : ''} sur{' '}
          {appointment.capacity} places
        </p>
      )}
      {problem && <Alert>{problem}</Alert>}
      <ul className="participants" aria-label={`Participant·es — ${title}`}>
        {appointment.participants.map((participant) => (
          <li key={participant.beneficiaryId}>
            <Link to={`/personnes/${participant.beneficiaryId}`}>{personName(participant)}</Link>
            {participant.attendance && (
              <>
                {' '}
                <Badge tone={participant.attendance === 'present' ? 'success' : 'warning'}>
                  {ATTENDANCE_LABELS[participant.attendance]}
                </Badge>
              </>
            )}
            {started && !cancelled && (
              <span className="actions" role="group" aria-label={`Présence de ${personName(participant)}`}>
                {ATTENDANCE_OPTIONS.map((option) => (
                  <Button
                    key={option.id}
                    variant={participant.attendance === option.id ? 'primary' : 'secondary'}
                    isDisabled={busy || participant.attendance === option.id}
                    onPress={() => void record(participant.beneficiaryId, option.id)}
                  >
                    {option.label}
                  </Button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {!cancelled && appointment.kind === 'collective' && !full && free.length > 0 && (
        <div className="toolbar">
          <Choice
            label="Inscrire une personne"
            options={free}
            value={joining}
            onChange={setJoining}
            placeholder="Choisir une personne…"
          />
          <Button
            variant="secondary"
            isDisabled={busy || joining === null}
            onPress={() =>
              joining &&
              void run(
                () =>
                  ok(
                    api.POST('/appointments/{id}/participants', {
                      params: { path: { id: appointment.id } },
                      body: { beneficiaryId: joining },
                    }),
                  ).then(() => setJoining(null)),
                'Personne inscrite à l’atelier.',
              )
            }
          >
            Inscrire
          </Button>
        </div>
      )}
      {!cancelled && !started && moving !== null && (
        <div className="toolbar">
          <NativeDate
            label="Nouveau début"
            name="startsAt"
            type="datetime-local"
            value={moving}
            onChange={setMoving}
            isRequired
          />
          <Button
            isDisabled={busy || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(moving)}
            onPress={() => {
              const [day, time] = moving.split('T');
              const startsAt = parisInstant(day, time);
              const length = Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt);
              void run(
                () =>
                  ok(
                    api.PATCH('/appointments/{id}', {
                      params: { path: { id: appointment.id } },
                      body: {
                        startsAt: startsAt.toISOString(),
                        endsAt: new Date(startsAt.getTime() + length).toISOString(),
                      },
                    }),
                  ).then(() => setMoving(null)),
                'Rendez-vous déplacé : les participant·es sont prévenu·es selon leurs consentements.',
              );
            }}
          >
            Déplacer
          </Button>
          <Button variant="secondary" onPress={() => setMoving(null)}>
            Garder l’horaire
          </Button>
        </div>
      )}
      {!cancelled && !started && moving === null && (
        <Button
          variant="secondary"
          isDisabled={busy}
          onPress={() => setMoving(`${parisDay(appointment.startsAt)}T${formatTime(appointment.startsAt)}`)}
        >
          Déplacer…
        </Button>
      )}
      {!cancelled && !started && (
        <Button
          variant="danger"
          isDisabled={busy}
          onPress={() =>
            void run(
              () => ok(api.POST('/appointments/{id}/cancel', { params: { path: { id: appointment.id } } })),
              'Rendez-vous annulé.',
            )
          }
        >
          Annuler le rendez-vous
        </Button>
      )}
    </article>
  );
}
