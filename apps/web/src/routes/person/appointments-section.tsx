import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import {
  APPOINTMENT_KIND_LABELS,
  appointmentTitle,
  ATTENDANCE_LABELS,
  formatTime,
} from '../../features/agenda/agenda-time';
import { Alert, Badge, formatDate, Loading } from '../../ui/ui';
import { InvitationPanel } from './invitation-panel';

/** The person's appointments and workshops, coming and past, with their attendance; planned from the agenda. */
export function AppointmentsSection({ id, canWrite, version }: { id: string; canWrite: boolean; version: unknown }) {
  const { data, error } = useApiData(
    () => ok(api.GET('/beneficiaries/{id}/appointments', { params: { path: { id } } })).then((page) => page.items),
    [id, version],
  );
  return (
    <section className="card" aria-labelledby="appointments">
      <h2 id="appointments">Rendez-vous</h2>
      {error && <Alert>{error}</Alert>}
      {!data && !error && <Loading what="des rendez-vous" />}
      {data && data.length === 0 && <p>Aucun rendez-vous.</p>}
      {data && data.length > 0 && (
        <ol className="timeline" aria-label="Rendez-vous de la personne">
          {data.map((appointment) => {
            const attendance = appointment.participants[0]?.attendance ?? null;
            return (
              <li key={appointment.id}>
                <strong>
                  {formatDate(appointment.startsAt)} à {formatTime(appointment.startsAt)}
                </strong>{' '}
                — {appointmentTitle(appointment)} ({APPOINTMENT_KIND_LABELS[appointment.kind] ?? appointment.kind})
                {appointment.place ? `, ${appointment.place}` : ''}{' '}
                {appointment.cancelledAt && <Badge tone="danger">annulé</Badge>}
                {attendance && (
                  <Badge tone={attendance === 'present' ? 'success' : 'warning'}>{ATTENDANCE_LABELS[attendance]}</Badge>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canWrite && (
        <p>
          <Link to="/agenda">Planifier dans l’agenda</Link>
        </p>
      )}
      <InvitationPanel id={id} canWrite={canWrite} />
    </section>
  );
}
