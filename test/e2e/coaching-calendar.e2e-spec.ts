import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
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

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/**
 * The coach's ICS subscription: a secret URL giving text/calendar (escaped, folded, CRLF) with the
 * coach's own appointments and no status in the programme; revoked or replaced, it answers 404.
 */
describe('coaching: the agenda as an ICS subscription', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);
  const path = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    const created = await coach()
      .post('/beneficiaries', {
        firstName: 'Zoé',
        lastName: 'Calendrier',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(parisToday(), -30),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await coach()
      .post('/appointments', {
        kind: 'collective',
        title: 'Atelier CV, lettres; entretiens — une séance longue pour tout préparer avant les recrutements',
        place: 'Salle 2, Maison de l’emploi',
        capacity: 6,
        startsAt: inHours(30),
        endsAt: inHours(32),
        beneficiaryIds: [id],
      })
      .expect(201);
    await coach()
      .post('/appointments', { kind: 'phone', startsAt: inHours(50), endsAt: inHours(51), beneficiaryIds: [id] })
      .expect(201);
    const other = await as(org.users.coachNord)
      .post('/appointment-slots', { kind: 'phone', startsAt: inHours(5), endsAt: inHours(6) })
      .expect(201);
    expect(other.status).toBe(201);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('answers text/calendar with the coach’s appointments, text escaped and lines folded, no status or surname', async () => {
    const opened = await coach().post('/calendar-feed').expect(201);
    const url = (opened.body as { url: string }).url;
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await request(api.url).get(path(url)).buffer(true).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = feed.text;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Atelier : Atelier CV\\, lettres\\; entretiens — une séance longue');
    expect(unfolded).toContain('LOCATION:Salle 2\\, Maison de l’emploi');
    expect(unfolded).toContain('SUMMARY:Appel : Zoé C.');
    expect(unfolded).not.toContain('Calendrier');
    expect(unfolded).not.toMatch(/orient|in_coaching|RSA|santé/i);
  });

  it('stops answering once revoked or replaced, and never for a made-up token', async () => {
    const first = (await coach().post('/calendar-feed').expect(201)).body as { url: string };
    const second = (await coach().post('/calendar-feed').expect(201)).body as { url: string };
    await request(api.url).get(path(first.url)).expect(404);
    await request(api.url).get(path(second.url)).expect(200);
    expect((await coach().get('/calendar-feed').expect(200)).body).toEqual({ live: true });
    await coach().delete('/calendar-feed').expect(204);
    await request(api.url).get(path(second.url)).expect(404);
    await coach().delete('/calendar-feed').expect(404);
    await request(api.url)
      .get(`/calendar/${'x'.repeat(43)}.ics`)
      .expect(404);
    await as(org.users.managerNord).post('/calendar-feed').expect(403);
  });
});
