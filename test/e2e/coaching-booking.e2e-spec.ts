import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CapturingMailer, CapturingSmsSender, Clock, HttpSmsSender, Mailer, SmsSender } from '@passerelle/core';
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

interface BookingPage {
  state: string;
  reason: string | null;
  firstName: string | null;
  slots: Array<{ id: string; startsAt: string }>;
  booked: { startsAt: string; kind: string } | null;
}

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const tokenOf = (text: string): string => /\/app\/rendez-vous\/([A-Za-z0-9_-]{43})/.exec(text)![1];

/**
 * Self-booking: the coach opens free slots and invites a person of their portfolio; the link (no
 * account) shows the slots and books one into the coach's agenda. E-mail and SMS leave only with
 * the person's consent for each channel; failures are recorded; altered, expired links open nothing.
 */
describe('coaching: free slots, booking invitations and their link', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let mailer: CapturingMailer;
  let sms: CapturingSmsSender;
  let both: string;
  let emailOnly: string;
  let nordPerson: string;
  const slots: string[] = [];
  let firstToken: string;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);
  const publicApi = () => request(api.url);

  const register = async (user: TestUser, firstName: string, consents: string[]): Promise<string> => {
    const created = await as(user)
      .post('/beneficiaries', {
        firstName,
        lastName: 'Créneau',
        email: `${firstName.toLowerCase()}@exemple.fr`,
        phone: '06 12 34 56 78',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(parisToday(), -30),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    for (const purpose of consents) await as(user).post(`/beneficiaries/${id}/consents`, { purpose }).expect(201);
    return id;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    sms = api.app.get<SmsSender, CapturingSmsSender>(SmsSender);
    both = await register(org.users.coachLille, 'Awa', ['contact_by_email', 'contact_by_sms']);
    emailOnly = await register(org.users.coachLille, 'Basile', ['contact_by_email']);
    nordPerson = await register(org.users.coachNord, 'Noé', ['contact_by_email', 'contact_by_sms']);
    for (const hours of [26, 28]) {
      const slot = await coach()
        .post('/appointment-slots', {
          kind: 'in_person',
          startsAt: inHours(hours),
          endsAt: inHours(hours + 1),
          place: 'Bureau 3',
        })
        .expect(201);
      slots.push((slot.body as { id: string }).id);
    }
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await api?.close();
    await context?.cleanup();
  });

  it('sends the invitation by e-mail and SMS with consent for both, and the link shows the free slots and the first name only', async () => {
    const invited = await coach().post(`/beneficiaries/${both}/booking-invitations`).expect(201);
    const body = invited.body as { url: string; deliveries: { email: string; sms: string } };
    expect(body.deliveries).toEqual({ email: 'sent', sms: 'sent' });
    const email = mailer.sent.find((message) => message.aboutPersonId === both);
    const text = sms.sent.find((message) => message.aboutPersonId === both);
    expect(email?.to).toBe('awa@exemple.fr');
    expect(tokenOf(email!.text)).toBe(tokenOf(body.url));
    firstToken = tokenOf(body.url);
    expect(text?.text).toContain(body.url);

    const page = await publicApi()
      .get(`/bookings/${tokenOf(body.url)}`)
      .expect(200);
    const shown = page.body as BookingPage;
    expect(shown).toMatchObject({ state: 'open', firstName: 'Awa' });
    expect(shown.slots.map((slot) => slot.id)).toEqual(slots);
    expect(JSON.stringify(shown)).not.toContain('Créneau');
    expect(JSON.stringify(shown)).not.toContain('06 12');
  });

  it('sends no SMS to a person who consented to e-mail only, and says so', async () => {
    const before = sms.sent.length;
    const invited = await coach().post(`/beneficiaries/${emailOnly}/booking-invitations`).expect(201);
    expect((invited.body as { deliveries: unknown }).deliveries).toEqual({ email: 'sent', sms: 'no_consent' });
    expect(sms.sent.slice(before).filter((message) => message.aboutPersonId === emailOnly)).toEqual([]);
    const deliveries: Array<{ channel: string }> = await db.query(
      'SELECT channel FROM message_delivery WHERE beneficiary_id = $1',
      [emailOnly],
    );
    expect(deliveries.map((row) => row.channel)).toEqual(['email']);
  });

  it('books a slot through the link into the coach’s agenda, once; a taken slot is refused to the next person', async () => {
    const first = await coach().post(`/beneficiaries/${both}/booking-invitations`).expect(201);
    const token = tokenOf((first.body as { url: string }).url);
    const booked = await publicApi().post(`/bookings/${token}`).send({ slotId: slots[0] }).expect(200);
    expect(booked.body as BookingPage).toMatchObject({ state: 'booked', booked: { kind: 'in_person' } });
    const again = await publicApi().post(`/bookings/${token}`).send({ slotId: slots[1] }).expect(200);
    expect((again.body as BookingPage).booked?.startsAt).toBe((booked.body as BookingPage).booked?.startsAt);

    const agenda = await coach()
      .get(`/appointments?from=${encodeURIComponent(inHours(0))}&to=${encodeURIComponent(inHours(48))}`)
      .expect(200);
    const items = (agenda.body as { items: Array<{ place: string; participants: Array<{ beneficiaryId: string }> }> })
      .items;
    expect(items).toEqual([
      expect.objectContaining({ place: 'Bureau 3', participants: [expect.objectContaining({ beneficiaryId: both })] }),
    ]);

    const other = await coach().post(`/beneficiaries/${emailOnly}/booking-invitations`).expect(201);
    const otherToken = tokenOf((other.body as { url: string }).url);
    const open = await publicApi().get(`/bookings/${otherToken}`).expect(200);
    expect((open.body as BookingPage).slots.map((slot) => slot.id)).toEqual([slots[1]]);
    const taken = await publicApi().post(`/bookings/${otherToken}`).send({ slotId: slots[0] }).expect(409);
    expect((taken.body as { code: string }).code).toBe('booking.slot_taken');
    const audit: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE subject_id = $1 AND action = 'create' AND actor_user_id IS NULL
         AND details->>'part' = 'self_booking'`,
      [both],
    );
    expect(audit).toHaveLength(1);
  });

  it('opens nothing with an altered or made-up token, and an expired link is gone', async () => {
    const invited = await coach().post(`/beneficiaries/${emailOnly}/booking-invitations`).expect(201);
    const token = tokenOf((invited.body as { url: string }).url);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await publicApi().get(`/bookings/${altered}`).expect(404);
    await publicApi().post(`/bookings/${altered}`).send({ slotId: slots[1] }).expect(404);
    await publicApi().get('/bookings/not-a-token').expect(404);

    api.app.get(Clock).set(new Date(Date.now() + 15 * 24 * HOUR));
    const expired = await publicApi().get(`/bookings/${token}`).expect(410);
    expect(expired.body as BookingPage).toMatchObject({ state: 'gone', reason: 'expired', slots: [] });
    await publicApi().post(`/bookings/${token}`).send({ slotId: slots[1] }).expect(410);
    api.app.get(Clock).reset();
    const [slot]: Array<{ appointment_id: string | null }> = await db.query(
      'SELECT appointment_id FROM appointment_slot WHERE id = $1',
      [slots[1]],
    );
    expect(slot.appointment_id).toBeNull();
  });

  it('does not let a coach invite another coach’s person, nor book their slots through a link', async () => {
    await coach().post(`/beneficiaries/${nordPerson}/booking-invitations`).expect(404);
    const theirs = await as(org.users.coachNord)
      .post('/appointment-slots', { kind: 'phone', startsAt: inHours(30), endsAt: inHours(31) })
      .expect(201);
    const invited = await coach().post(`/beneficiaries/${emailOnly}/booking-invitations`).expect(201);
    const token = tokenOf((invited.body as { url: string }).url);
    await publicApi()
      .post(`/bookings/${token}`)
      .send({ slotId: (theirs.body as { id: string }).id })
      .expect(409);
    await coach()
      .delete(`/appointment-slots/${(theirs.body as { id: string }).id}`)
      .expect(404);
  });

  it('records a failed delivery with its reason, and the file lists it', async () => {
    const failing = jest.spyOn(sms, 'send').mockRejectedValueOnce(new Error('the SMS provider answered 503'));
    const invited = await coach().post(`/beneficiaries/${both}/booking-invitations`).expect(201);
    failing.mockRestore();
    expect((invited.body as { deliveries: unknown }).deliveries).toEqual({ email: 'sent', sms: 'failed' });
    const listed = await coach().get(`/beneficiaries/${both}/message-deliveries`).expect(200);
    expect((listed.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({
        channel: 'sms',
        purpose: 'invitation',
        status: 'failed',
        error: 'the SMS provider answered 503',
      }),
    );
  });

  it('forgets the captured SMS of an erased person, and their link opens nothing any more', async () => {
    expect(sms.sent.some((message) => message.aboutPersonId === both)).toBe(true);
    await as(org.users.managerNord).post(`/beneficiaries/${both}/erasure`).expect(200);
    expect(sms.sent.some((message) => message.aboutPersonId === both)).toBe(false);
    const gone = await publicApi().get(`/bookings/${firstToken}`).expect(410);
    expect(gone.body as BookingPage).toMatchObject({ state: 'gone', reason: 'closed', firstName: null });
  });

  it('limits the requests to one link, whoever sends them', async () => {
    const token = 'A'.repeat(43);
    let status = 0;
    for (let attempt = 0; attempt < 25 && status !== 429; attempt += 1)
      status = (await publicApi().get(`/bookings/${token}`)).status;
    expect(status).toBe(429);
  });
});

describe('the SMS provider adapter', () => {
  let server: Server;
  const received: Array<{ authorization?: string; body: string }> = [];
  let status = 200;

  beforeAll(async () => {
    server = createServer((incoming, outgoing) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => {
        received.push({ authorization: incoming.headers.authorization, body });
        outgoing.writeHead(status).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the message as JSON with the bearer token, and throws on an error status', async () => {
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`);
    const sender = new HttpSmsSender(url, 'secret-token', 'Passerelle');
    await sender.send({ to: '0612345678', text: 'Rappel' });
    expect(received[0]).toEqual({
      authorization: 'Bearer secret-token',
      body: JSON.stringify({ from: 'Passerelle', to: '0612345678', text: 'Rappel' }),
    });
    status = 500;
    await expect(sender.send({ to: '0612345678', text: 'Rappel' })).rejects.toThrow('the SMS provider answered 500');
  });
});
