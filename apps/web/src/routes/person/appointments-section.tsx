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

/**
 * The person's appointments and workshops, coming and past, with their attendance and what they answered in their
 * space (venue confirmed, or asked to move and when they could come); planned from the agenda.
 */
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
            const participant = appointment.participants[0];
            const attendance = participant?.attendance ?? null;
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
                {!appointment.cancelledAt && participant?.confirmedAt && (
                  <>
                    {' '}
                    <Badge tone="success">venue confirmée le {formatDate(participant.confirmedAt)}</Badge>
                  </>
                )}
                {!appointment.cancelledAt && participant?.moveRequestedAt && (
                  <>
                    {' '}
                    <Badge tone="warning">demande à déplacer le {formatDate(participant.moveRequestedAt)}</Badge>
                    {participant.moveRequest && <q> {participant.moveRequest}</q>}
                  </>
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
