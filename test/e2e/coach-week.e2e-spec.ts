import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { CapturingMailer, CapturingSmsSender, Clock, Mailer, SmsSender } from '@passerelle/core';
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

interface BookingPage {
  state: string;
  slots: Array<{ id: string; kind: string; title: string | null; place: string | null }>;
  booked: { kind: string; title: string | null } | null;
}
interface Indicator {
  key: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unknown?: number;
}

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const tokenOf = (url: string): string => /\/app\/rendez-vous\/([A-Za-z0-9_-]{43})/.exec(url)![1];
const today = parisToday();

/**
 * The rest of the coach's week (issue 21): a booking link offers the coach's collective sessions
 * with a place left and books a place in one (never in a full, cancelled or past session, nor in
 * another coach's); the no-show rate in the indicators; the person's export holds their
 * appointments, the messages sent to them and their action plan; the new entrants' list records the
 * consents it carries and invites each consenting person to a first appointment with a link of their
 * structure (its coaches' free slots only).
 */
describe('the coach’s week: workshop places through a link, the no-show rate, the export', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);
  const publicApi = () => request(api.url);
  /** What the import left for the next test: Rose, invited by her structure and not yet booked. */
  let rose: { id: string; token: string; slot: string } | null = null;

  const register = async (user: TestUser, firstName: string, consents: string[] = []): Promise<string> => {
    const created = await as(user)
      .post('/beneficiaries', {
        firstName,
        lastName: 'Semaine',
        email: `${firstName.toLowerCase()}@exemple.fr`,
        phone: '06 12 34 56 78',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -30),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    for (const purpose of consents) await as(user).post(`/beneficiaries/${id}/consents`, { purpose }).expect(201);
    return id;
  };
  const workshop = async (
    user: TestUser,
    title: string,
    startsInHours: number,
    capacity: number,
    beneficiaryIds: string[] = [],
  ): Promise<string> => {
    const created = await as(user)
      .post('/appointments', {
        kind: 'collective',
        title,
        place: 'Maison de l’emploi',
        capacity,
        startsAt: inHours(startsInHours),
        endsAt: inHours(startsInHours + 1),
        beneficiaryIds,
      })
      .expect(201);
    return (created.body as { id: string }).id;
  };
  const invite = async (user: TestUser, id: string): Promise<string> =>
    tokenOf(
      ((await as(user).post(`/beneficiaries/${id}/booking-invitations`).expect(201)).body as { url: string }).url,
    );

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await api?.close();
    await context?.cleanup();
  });

  it('a link offers the coach’s workshops with a place left and books a place; full, cancelled, past and other coaches’ sessions are refused', async () => {
    const [awa, basile, chloe] = [
      await register(org.users.coachLille, 'Awa'),
      await register(org.users.coachLille, 'Basile'),
      await register(org.users.coachLille, 'Chloé'),
    ];
    const open = await workshop(org.users.coachLille, 'Atelier CV', 30, 2);
    const full = await workshop(org.users.coachLille, 'Atelier complet', 32, 1, [chloe]);
    const cancelled = await workshop(org.users.coachLille, 'Atelier annulé', 34, 5);
    await coach().post(`/appointments/${cancelled}/cancel`).expect(200);
    const past = await workshop(org.users.coachLille, 'Atelier passé', -2, 5);
    const nordPerson = await register(org.users.coachNord, 'Noé');
    const elsewhere = await workshop(org.users.coachNord, 'Atelier du Nord', 30, 5, [nordPerson]);

    const token = await invite(org.users.coachLille, awa);
    const page = (await publicApi().get(`/bookings/${token}`).expect(200)).body as BookingPage;
    expect(page.slots.map((slot) => [slot.id, slot.kind, slot.title])).toEqual([[open, 'collective', 'Atelier CV']]);

    for (const refused of [full, cancelled, past, elsewhere])
      expect(
        (await publicApi().post(`/bookings/${token}`).send({ slotId: refused }).expect(409)).body as { code: string },
      ).toMatchObject({ code: 'booking.slot_taken' });
    const booked = (await publicApi().post(`/bookings/${token}`).send({ slotId: open }).expect(200))
      .body as BookingPage;
    expect(booked).toMatchObject({ state: 'booked', booked: { kind: 'collective', title: 'Atelier CV' } });
    const participants: Array<{ beneficiary_id: string }> = await db.query(
      'SELECT beneficiary_id FROM appointment_participant WHERE appointment_id = $1',
      [open],
    );
    expect(participants).toEqual([{ beneficiary_id: awa }]);
    const audit: Array<{ details: { appointmentId: string } }> = await db.query(
      `SELECT details FROM audit_event WHERE subject_id = $1 AND action = 'create' AND actor_user_id IS NULL
         AND details->>'part' = 'self_booking'`,
      [awa],
    );
    expect(audit.map((row) => row.details.appointmentId)).toEqual([open]);

    // Basile takes the last place; Chloé, already in the full session, is not offered it again.
    const basileToken = await invite(org.users.coachLille, basile);
    await publicApi().post(`/bookings/${basileToken}`).send({ slotId: open }).expect(200);
    const chloeToken = await invite(org.users.coachLille, chloe);
    const chloePage = (await publicApi().get(`/bookings/${chloeToken}`).expect(200)).body as BookingPage;
    expect(chloePage.slots).toEqual([]);
    await publicApi().post(`/bookings/${chloeToken}`).send({ slotId: open }).expect(409);
    await publicApi().post(`/bookings/${chloeToken}`).send({ slotId: full }).expect(409);
  });

  it('counts the no-show rate: unexcused absences over the attendances recorded, the unrecorded as unknown', async () => {
    const people = [];
    for (const name of ['Inès', 'Jules', 'Karim', 'Lina', 'Malo'])
      people.push(await register(org.users.coachLille, name));
    const session = await workshop(org.users.coachLille, 'Atelier entretien', -3, 10, people);
    for (const [index, attendance] of (['present', 'absent', 'absent', 'excused'] as const).entries())
      await coach()
        .put(`/appointments/${session}/attendance`, { beneficiaryId: people[index], attendance })
        .expect(200);
    // A cancelled appointment counts for nothing, whatever was recorded.
    const cancelled = await workshop(org.users.coachLille, 'Atelier annulé après coup', -2, 10, [people[0]]);
    await coach()
      .put(`/appointments/${cancelled}/attendance`, { beneficiaryId: people[0], attendance: 'absent' })
      .expect(200);
    await coach().post(`/appointments/${cancelled}/cancel`).expect(200);

    const report = (
      await as(org.users.managerNord)
        .get(`/indicators?from=${addDays(today, -7)}&to=${today}`)
        .expect(200)
    ).body as { groups: Array<{ indicators: Indicator[] }> };
    const noShow = report.groups[0].indicators.find((item) => item.key === 'no_show_rate');
    expect(noShow).toMatchObject({ numerator: 2, denominator: 4, value: 0.5, unknown: 1 });
    const rhythm = report.groups[0].indicators.find((item) => item.key === 'contact_rhythm_at_target');
    expect(rhythm).toBeDefined();
  });

  it('exports the person’s appointments, the messages sent to them and their objectives, in JSON and in plain French', async () => {
    const person = await register(org.users.coachLille, 'Olga', ['contact_by_email', 'contact_by_sms']);
    const session = await workshop(org.users.coachLille, 'Atelier numérique', -1, 6, [person]);
    await coach()
      .put(`/appointments/${session}/attendance`, { beneficiaryId: person, attendance: 'present' })
      .expect(200);
    await invite(org.users.coachLille, person);
    await coach()
      .post(`/beneficiaries/${person}/objectives`, {
        title: 'Obtenir le permis B',
        steps: [{ label: 'Code de la route' }],
      })
      .expect(201);

    const exported = (await coach().get(`/beneficiaries/${person}/export`).expect(200)).body as {
      appointments: Array<{ kind: string; title: string | null; attendance: string | null; cancelled: boolean }>;
      messages: Array<{ channel: string; purpose: string; status: string }>;
      file: { objectives: Array<{ title: string }> };
    };
    expect(exported.appointments).toEqual([
      expect.objectContaining({
        kind: 'collective',
        title: 'Atelier numérique',
        attendance: 'present',
        cancelled: false,
      }),
    ]);
    expect(exported.messages.map((message) => [message.channel, message.purpose, message.status]).sort()).toEqual([
      ['email', 'invitation', 'sent'],
      ['sms', 'invitation', 'sent'],
    ]);
    expect(exported.file.objectives.map((objective) => objective.title)).toEqual(['Obtenir le permis B']);

    const readable = (await coach().get(`/beneficiaries/${person}/export.txt`).expect(200)).text;
    expect(readable).toContain('RENDEZ-VOUS ET ATELIERS');
    expect(readable).toMatch(/Atelier collectif « Atelier numérique » \(Maison de l’emploi\) — présent·e/);
    expect(readable).toContain('MESSAGES ENVOYÉS');
    expect(readable).toContain('E-mail : invitation à choisir un rendez-vous (envoyé)');
    expect(readable).toContain('SMS : invitation à choisir un rendez-vous (envoyé)');
    expect(readable).toContain('Obtenir le permis B');
  });

  it('imports new entrants with their consents and invites those who consented to a first appointment in their structure', async () => {
    const slot = async (user: TestUser, hours: number): Promise<string> =>
      (
        (
          await as(user)
            .post('/appointment-slots', { kind: 'in_person', startsAt: inHours(hours), endsAt: inHours(hours + 1) })
            .expect(201)
        ).body as { id: string }
      ).id;
    const lilleSlot = await slot(org.users.coachLille, 50);
    const parentSlot = await slot(org.users.coachNord, 52);
    const oriented = addDays(today, -2).split('-').reverse().join('/');
    const csv = [
      'Nom;Prénom;Date de naissance;Adresse;Date d’orientation;Structure;E-mail;Téléphone;Consentement e-mail;Consentement SMS',
      `Entrant;Paul;01/02/1990;1 rue A 59000 Lille;${oriented};UT Lille;paul@exemple.fr;+33 6 12 34 56 78;oui;oui`,
      `Entrant;Rose;02/03/1991;2 rue B 59000 Lille;${oriented};UT Lille;rose@exemple.fr;;oui;non`,
      `Entrant;Sami;03/04/1992;3 rue C 59000 Lille;${oriented};UT Lille;;06 12 34 56 78;non;`,
      `Entrant;Tom;04/05/1993;4 rue D 59000 Lille;${oriented};UT Lille;tom@exemple.fr;;peut-être;oui`,
      `Entrant;Una;05/06/1994;5 rue E 59000 Lille;${oriented};UT Lille;pas-un-courriel;;oui;non`,
    ].join('\r\n');
    const send = (path: string, digest?: string) => {
      const call = request(api.url)
        .post(path)
        .auth(org.users.managerNord.accessToken, { type: 'bearer' })
        .attach('file', Buffer.from(csv, 'utf8'), { filename: 'entrants.csv', contentType: 'text/csv' });
      return digest === undefined ? call : call.field('digest', digest);
    };

    const preview = (await send('/entrants-imports/preview').expect(200)).body as {
      digest: string;
      toCreate: Array<{ line: number; firstName: string; invitedBy: string[] }>;
      refused: Array<{ line: number; problems: Array<{ field: string; reason: string }> }>;
    };
    expect(preview.toCreate.map((line) => [line.firstName, line.invitedBy])).toEqual([
      ['Paul', ['email', 'sms']],
      ['Rose', ['email']],
      ['Sami', []],
    ]);
    expect(preview.refused).toEqual([
      { line: 5, problems: [{ field: 'consentEmail', reason: expect.stringContaining('« oui » ou « non »') }] },
      { line: 6, problems: [{ field: 'email', reason: expect.stringContaining('e-mail illisible') }] },
    ]);
    expect(await db.query(`SELECT 1 FROM beneficiary WHERE last_name = 'Entrant'`)).toHaveLength(0);

    const mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    const sms = api.app.get<SmsSender, CapturingSmsSender>(SmsSender);
    const [mailsBefore, smsBefore] = [mailer.sent.length, sms.sent.length];
    const done = (await send('/entrants-imports', preview.digest).expect(201)).body as {
      created: Array<{ line: number; id: string }>;
      invited: Array<{ line: number; id: string; deliveries: { email: string; sms: string } }>;
    };
    const id = (line: number) => done.created.find((created) => created.line === line)!.id;
    expect(done.invited).toEqual([
      { line: 2, id: id(2), deliveries: { email: 'sent', sms: 'sent' } },
      { line: 3, id: id(3), deliveries: { email: 'sent', sms: 'no_consent' } },
    ]);
    const consents: Array<{ first_name: string; purpose: string }> = await db.query(
      `SELECT b.first_name, c.purpose FROM consent c JOIN beneficiary b ON b.id = c.beneficiary_id
       WHERE b.last_name = 'Entrant' AND c.revoked_at IS NULL ORDER BY 1, 2`,
    );
    expect(consents).toEqual([
      { first_name: 'Paul', purpose: 'contact_by_email' },
      { first_name: 'Paul', purpose: 'contact_by_sms' },
      { first_name: 'Rose', purpose: 'contact_by_email' },
    ]);
    const invitations: Array<{ beneficiary_id: string; coach_user_id: string | null; structure_id: string }> =
      await db.query(
        `SELECT beneficiary_id, coach_user_id, structure_id FROM booking_invitation
         WHERE beneficiary_id = ANY($1::uuid[]) ORDER BY created_at`,
        [done.created.map((created) => created.id)],
      );
    expect(invitations).toEqual([
      { beneficiary_id: id(2), coach_user_id: null, structure_id: org.structures.lille },
      { beneficiary_id: id(3), coach_user_id: null, structure_id: org.structures.lille },
    ]);
    const mails = mailer.sent.slice(mailsBefore);
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
      ['paul@exemple.fr', 'Votre premier rendez-vous d’accompagnement'],
      ['rose@exemple.fr', 'Votre premier rendez-vous d’accompagnement'],
    ]);
    expect(sms.sent.slice(smsBefore).map((message) => message.to)).toEqual(['+33 6 12 34 56 78']);

    // Paul's link offers the free slots of his structure's coaches only, and books one with that coach.
    const token = tokenOf(mails[0].text);
    const page = (await publicApi().get(`/bookings/${token}`).expect(200)).body as BookingPage;
    expect(page.slots.map((offered) => offered.id)).toContain(lilleSlot);
    expect(page.slots.map((offered) => offered.id)).not.toContain(parentSlot);
    await publicApi().post(`/bookings/${token}`).send({ slotId: parentSlot }).expect(409);
    const booked = (await publicApi().post(`/bookings/${token}`).send({ slotId: lilleSlot }).expect(200))
      .body as BookingPage;
    expect(booked.state).toBe('booked');
    const [appointment]: Array<{ coach_user_id: string; beneficiary_id: string }> = await db.query(
      `SELECT a.coach_user_id, p.beneficiary_id FROM appointment_slot s JOIN appointment a ON a.id = s.appointment_id
       JOIN appointment_participant p ON p.appointment_id = a.id WHERE s.id = $1`,
      [lilleSlot],
    );
    expect(appointment).toEqual({ coach_user_id: org.users.coachLille.id, beneficiary_id: id(2) });
    rose = { id: id(3), token: tokenOf(mails[1].text), slot: await slot(org.users.coachLille, 54) };
  });

  it('a first appointment booked through the structure’s link makes the slot’s coach the referent of a person without one: audited, the managers told, the file opened', async () => {
    const [paul]: Array<{ id: string; referent_user_id: string | null }> = await db.query(
      `SELECT id, referent_user_id FROM beneficiary WHERE last_name = 'Entrant' AND first_name = 'Paul'`,
    );
    expect(paul.referent_user_id).toBe(org.users.coachLille.id);
    const assignments: Array<{ coach_user_id: string; assigned_by: string; reason: string; ended_at: Date | null }> =
      await db.query(
        'SELECT coach_user_id, assigned_by, reason, ended_at FROM beneficiary_assignment WHERE beneficiary_id = $1',
        [paul.id],
      );
    expect(assignments).toEqual([
      {
        coach_user_id: org.users.coachLille.id,
        assigned_by: '00000000-0000-0000-0000-000000000000',
        reason: 'premier rendez-vous réservé par la personne avec le lien de sa structure',
        ended_at: null,
      },
    ]);
    const audit: Array<{ actor_user_id: string | null; details: { referent: object; via: string } }> = await db.query(
      `SELECT actor_user_id, details FROM audit_event
       WHERE subject_id = $1 AND action = 'update' AND details ? 'referent'`,
      [paul.id],
    );
    expect(audit).toEqual([
      {
        actor_user_id: null,
        details: expect.objectContaining({
          referent: { from: null, to: org.users.coachLille.id },
          via: 'self_booking',
        }),
      },
    ]);
    // The Nord's manager (the structure above UT Lille) is told; the Bas-Rhin's is not.
    const notified: Array<{ user_id: string; message: string }> = await db.query(
      `SELECT user_id, message FROM user_notification WHERE kind = 'referent_by_booking' AND subject_id = $1`,
      [paul.id],
    );
    expect(notified).toEqual([
      {
        user_id: org.users.managerNord.id,
        message: expect.stringContaining('premier rendez-vous avec coach.lille'),
      },
    ]);
    expect(notified[0].message).not.toMatch(/Paul|Entrant|RSA/);
    const file = (await coach().get(`/beneficiaries/${paul.id}`).expect(200)).body as { referentName: string };
    expect(file.referentName).toBe('coach.lille');
  });

  it('a person given a referent meanwhile keeps them when booking through the structure’s link, and no manager is told', async () => {
    expect(rose).not.toBeNull();
    const { id, token, slot } = rose!;
    // Before any booking, the structure's coach cannot open the file of a person who is not theirs.
    await coach().get(`/beneficiaries/${id}`).expect(404);
    await as(org.users.managerNord)
      .post(`/beneficiaries/${id}/assignment`, { coachUserId: org.users.coachNord.id })
      .expect(200);
    await publicApi().post(`/bookings/${token}`).send({ slotId: slot }).expect(200);
    const [row]: Array<{ referent_user_id: string }> = await db.query(
      'SELECT referent_user_id FROM beneficiary WHERE id = $1',
      [id],
    );
    expect(row.referent_user_id).toBe(org.users.coachNord.id);
    const assignments: Array<{ coach_user_id: string; ended_at: Date | null }> = await db.query(
      'SELECT coach_user_id, ended_at FROM beneficiary_assignment WHERE beneficiary_id = $1',
      [id],
    );
    expect(assignments).toEqual([{ coach_user_id: org.users.coachNord.id, ended_at: null }]);
    expect(
      await db.query(`SELECT 1 FROM user_notification WHERE kind = 'referent_by_booking' AND subject_id = $1`, [id]),
    ).toEqual([]);
    await coach().get(`/beneficiaries/${id}`).expect(404);
  });
});
