import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

interface ErrorBody {
  code?: string;
  details: Array<{ field: string; reason: string }>;
}

interface Appointment {
  id: string;
  kind: string;
  title: string | null;
  startsAt: string;
  cancelledAt: string | null;
  participants: Array<{
    beneficiaryId: string;
    firstName: string | null;
    attendance: string | null;
    journalEventId: string | null;
  }>;
}

const HOUR = 3_600_000;

/**
 * The coach's agenda: individual appointments and collective sessions with people of the coach's
 * portfolio only, the agenda of the coach alone, attendance turned into a journal contact, audited.
 */
describe('coaching: appointments, the agenda and attendance', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  const people: string[] = [];
  let nordPerson: string;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);
  const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

  const register = async (user: TestUser, firstName: string): Promise<string> => {
    const created = await as(user)
      .post('/beneficiaries', {
        firstName,
        lastName: 'Agenda',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(parisToday(), -30),
      })
      .expect(201);
    return (created.body as { id: string }).id;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    for (const name of ['Amina', 'Bruno', 'Chloé']) people.push(await register(org.users.coachLille, name));
    nordPerson = await register(org.users.coachNord, 'Nadia');
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await api?.close();
    await context?.cleanup();
  });

  it('plans an individual appointment with one person of the portfolio, shown on the agenda and the file', async () => {
    const planned = await coach()
      .post('/appointments', {
        kind: 'phone',
        startsAt: inHours(24),
        endsAt: inHours(24.5),
        beneficiaryIds: [people[0]],
      })
      .expect(201);
    const appointment = planned.body as Appointment;
    expect(appointment).toMatchObject({ kind: 'phone', title: null, cancelledAt: null });
    expect(appointment.participants).toEqual([
      expect.objectContaining({ beneficiaryId: people[0], firstName: 'Amina', attendance: null }),
    ]);

    const agenda = await coach()
      .get(`/appointments?from=${encodeURIComponent(inHours(0))}&to=${encodeURIComponent(inHours(7 * 24))}`)
      .expect(200);
    expect((agenda.body as { items: Appointment[] }).items.map((item) => item.id)).toContain(appointment.id);
    const onFile = await coach().get(`/beneficiaries/${people[0]}/appointments`).expect(200);
    expect((onFile.body as { items: Appointment[] }).items.map((item) => item.id)).toEqual([appointment.id]);

    const audit: Array<{ action: string; details: { part?: string; view?: string } }> = await db.query(
      `SELECT action, details FROM audit_event WHERE subject_type = 'beneficiary' AND subject_id = $1
         AND actor_user_id = $2`,
      [people[0], org.users.coachLille.id],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'update', details: { part: 'appointment' } }),
        expect.objectContaining({ action: 'list', details: { view: 'agenda' } }),
        expect.objectContaining({ action: 'read', details: { part: 'appointments' } }),
      ]),
    );
  });

  it('refuses an individual appointment with two people, a session without title or capacity, and times out of order', async () => {
    const two = await coach()
      .post('/appointments', {
        kind: 'in_person',
        startsAt: inHours(2),
        endsAt: inHours(3),
        beneficiaryIds: [people[0], people[1]],
      })
      .expect(422);
    expect((two.body as ErrorBody).details).toContainEqual({
      field: 'beneficiaryIds',
      reason: 'an individual appointment is with one person',
    });
    const bare = await coach()
      .post('/appointments', { kind: 'collective', startsAt: inHours(2), endsAt: inHours(3), beneficiaryIds: [] })
      .expect(422);
    expect((bare.body as ErrorBody).details.map((detail) => detail.field).sort()).toEqual([
      'capacity',
      'place',
      'title',
    ]);
    const backwards = await coach()
      .post('/appointments', { kind: 'video', startsAt: inHours(3), endsAt: inHours(2), beneficiaryIds: [people[0]] })
      .expect(422);
    expect((backwards.body as ErrorBody).details).toEqual([{ field: 'endsAt', reason: 'must be after startsAt' }]);
    const malformed = await coach()
      .post('/appointments', { kind: 'visit', startsAt: 'demain', endsAt: inHours(2), beneficiaryIds: ['x'] })
      .expect(400);
    expect((malformed.body as ErrorBody).details.map((detail) => detail.field).sort()).toEqual([
      'beneficiaryIds',
      'kind',
      'startsAt',
    ]);
  });

  it('does not let a coach plan with, add or read another coach’s person, nor touch another coach’s appointment', async () => {
    await coach()
      .post('/appointments', { kind: 'phone', startsAt: inHours(5), endsAt: inHours(6), beneficiaryIds: [nordPerson] })
      .expect(404);
    await coach().get(`/beneficiaries/${nordPerson}/appointments`).expect(404);
    const theirs = await as(org.users.coachNord)
      .post('/appointments', { kind: 'phone', startsAt: inHours(5), endsAt: inHours(6), beneficiaryIds: [nordPerson] })
      .expect(201);
    const theirId = (theirs.body as Appointment).id;
    await coach()
      .patch(`/appointments/${theirId}`, { startsAt: inHours(7), endsAt: inHours(8) })
      .expect(404);
    await coach().post(`/appointments/${theirId}/cancel`).expect(404);
    await coach()
      .put(`/appointments/${theirId}/attendance`, { beneficiaryId: nordPerson, attendance: 'present' })
      .expect(404);
    const agenda = await coach()
      .get(`/appointments?from=${encodeURIComponent(inHours(0))}&to=${encodeURIComponent(inHours(48))}`)
      .expect(200);
    expect((agenda.body as { items: Appointment[] }).items.map((item) => item.id)).not.toContain(theirId);

    const session = await coach()
      .post('/appointments', {
        kind: 'collective',
        title: 'Atelier CV',
        place: 'Salle 2',
        capacity: 5,
        startsAt: inHours(30),
        endsAt: inHours(32),
        beneficiaryIds: [people[1]],
      })
      .expect(201);
    await coach()
      .post(`/appointments/${(session.body as Appointment).id}/participants`, { beneficiaryId: nordPerson })
      .expect(404);
    // A manager reads files but has no agenda of their own to write in.
    await as(org.users.managerNord)
      .post('/appointments', { kind: 'phone', startsAt: inHours(5), endsAt: inHours(6), beneficiaryIds: [people[0]] })
      .expect(403);
    const rows: unknown[] = await db.query(
      'SELECT 1 FROM appointment_participant WHERE beneficiary_id = $1 AND appointment_id = $2',
      [nordPerson, (session.body as Appointment).id],
    );
    expect(rows).toHaveLength(0);
  });

  it('fills a collective session up to its capacity, once per person', async () => {
    const session = await coach()
      .post('/appointments', {
        kind: 'collective',
        title: 'Atelier entretien',
        place: 'Maison de l’emploi, Lille',
        capacity: 2,
        startsAt: inHours(50),
        endsAt: inHours(52),
        beneficiaryIds: [people[0]],
      })
      .expect(201);
    const id = (session.body as Appointment).id;
    const again = await coach().post(`/appointments/${id}/participants`, { beneficiaryId: people[0] }).expect(409);
    expect((again.body as ErrorBody).code).toBe('appointment.participant_exists');
    await coach().post(`/appointments/${id}/participants`, { beneficiaryId: people[1] }).expect(201);
    const full = await coach().post(`/appointments/${id}/participants`, { beneficiaryId: people[2] }).expect(409);
    expect((full.body as ErrorBody).code).toBe('appointment.full');
    // On a person's file, the session shows without the other participants.
    const onFile = await coach().get(`/beneficiaries/${people[1]}/appointments`).expect(200);
    const mine = (onFile.body as { items: Appointment[] }).items.find((item) => item.id === id);
    expect(mine?.participants.map((participant) => participant.beneficiaryId)).toEqual([people[1]]);
  });

  it('records attendance once the session has started: present becomes a collective workshop in the journal, absent withdraws it', async () => {
    const startsAt = inHours(2);
    const session = await coach()
      .post('/appointments', {
        kind: 'collective',
        title: 'Atelier numérique',
        place: 'Médiathèque',
        capacity: 8,
        startsAt,
        endsAt: inHours(4),
        beneficiaryIds: [people[1], people[2]],
      })
      .expect(201);
    const id = (session.body as Appointment).id;
    const early = await coach()
      .put(`/appointments/${id}/attendance`, { beneficiaryId: people[1], attendance: 'present' })
      .expect(422);
    expect((early.body as ErrorBody).code).toBe('appointment.not_started');

    api.app.get(Clock).set(new Date(Date.parse(startsAt) + HOUR));
    const present = await coach()
      .put(`/appointments/${id}/attendance`, { beneficiaryId: people[1], attendance: 'present' })
      .expect(200);
    const participant = (present.body as Appointment).participants.find((p) => p.beneficiaryId === people[1]);
    expect(participant).toMatchObject({ attendance: 'present' });
    const excused = await coach()
      .put(`/appointments/${id}/attendance`, { beneficiaryId: people[2], attendance: 'excused' })
      .expect(200);
    expect((excused.body as Appointment).participants.find((p) => p.beneficiaryId === people[2])).toMatchObject({
      attendance: 'excused',
      journalEventId: null,
    });

    const file = await coach().get(`/beneficiaries/${people[1]}`).expect(200);
    const events = (file.body as { events: Array<{ id: string; kind: string; collective: boolean; note: string }> })
      .events;
    expect(events).toContainEqual(
      expect.objectContaining({
        id: participant!.journalEventId,
        kind: 'workshop',
        collective: true,
        note: expect.stringContaining('Atelier collectif « Atelier numérique »') as unknown as string,
      }),
    );
    const other = await coach().get(`/beneficiaries/${people[2]}`).expect(200);
    expect((other.body as { events: unknown[] }).events).toHaveLength(0);

    await coach().put(`/appointments/${id}/attendance`, { beneficiaryId: people[1], attendance: 'absent' }).expect(200);
    const after = await coach().get(`/beneficiaries/${people[1]}`).expect(200);
    expect((after.body as { events: Array<{ id: string }> }).events.map((event) => event.id)).not.toContain(
      participant!.journalEventId,
    );
    const notThere = await coach()
      .put(`/appointments/${id}/attendance`, { beneficiaryId: people[0], attendance: 'present' })
      .expect(404);
    expect((notThere.body as ErrorBody).code).toBe('appointment.participant_not_found');
    api.app.get(Clock).reset();
  });

  it('moves and cancels an appointment; a cancelled one takes no attendance', async () => {
    const planned = await coach()
      .post('/appointments', {
        kind: 'video',
        startsAt: inHours(72),
        endsAt: inHours(73),
        place: 'https://visio.example/abc',
        beneficiaryIds: [people[2]],
      })
      .expect(201);
    const id = (planned.body as Appointment).id;
    const target = inHours(96);
    const moved = await coach()
      .patch(`/appointments/${id}`, { startsAt: target, endsAt: inHours(97) })
      .expect(200);
    expect((moved.body as Appointment).startsAt).toBe(target);
    const cancelled = await coach().post(`/appointments/${id}/cancel`).expect(200);
    expect((cancelled.body as Appointment).cancelledAt).not.toBeNull();
    const again = await coach().post(`/appointments/${id}/cancel`).expect(409);
    expect((again.body as ErrorBody).code).toBe('appointment.cancelled');
    const attendance = await coach()
      .put(`/appointments/${id}/attendance`, { beneficiaryId: people[2], attendance: 'present' })
      .expect(409);
    expect((attendance.body as ErrorBody).code).toBe('appointment.cancelled');
  });
});
