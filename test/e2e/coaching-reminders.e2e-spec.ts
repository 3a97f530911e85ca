import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CapturingMailer, CapturingSmsSender, Clock, Mailer, SmsSender } from '@passerelle/core';
import { addDays, parisToday, SendDueReminders } from '@passerelle/coaching';
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

/** The instant of a Paris wall-clock time (`2026-12-03`, 10, 0): Paris is UTC+1 in winter, UTC+2 in summer. */
function paris(day: string, hour: number, minute = 0): Date {
  const guess = Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const wall = new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'Europe/Paris' }) + ' UTC').getTime();
  return new Date(guess - (wall - guess));
}

/**
 * Reminders the day before (from 10:00, Paris) by the channels the person consented to, once per
 * appointment, and a message when it moves, after which the new date gets its own reminder. The
 * clock is the application's controllable one; the sweep is the use case the worker runs.
 */
describe('coaching: appointment reminders and changes', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let mailer: CapturingMailer;
  let sms: CapturingSmsSender;
  let clock: Clock;
  let sweep: SendDueReminders;
  let consenting: string;
  let silent: string;
  let appointmentId: string;
  const day = addDays(parisToday(), 3);
  const as = (user: TestUser) => asUser(api, user);
  const about = (id: string) => ({
    emails: mailer.sent.filter((message) => message.aboutPersonId === id),
    texts: sms.sent.filter((message) => message.aboutPersonId === id),
  });

  const register = async (firstName: string, consents: string[]): Promise<string> => {
    const created = await as(org.users.coachLille)
      .post('/beneficiaries', {
        firstName,
        lastName: 'Rappel',
        email: `${firstName.toLowerCase()}@exemple.fr`,
        phone: '07 11 22 33 44',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(parisToday(), -30),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    for (const purpose of consents)
      await as(org.users.coachLille).post(`/beneficiaries/${id}/consents`, { purpose }).expect(201);
    return id;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    sms = api.app.get<SmsSender, CapturingSmsSender>(SmsSender);
    clock = api.app.get(Clock);
    sweep = api.app.get(SendDueReminders);
    consenting = await register('Inès', ['contact_by_email', 'contact_by_sms']);
    silent = await register('Jules', []);
    const planned = await as(org.users.coachLille)
      .post('/appointments', {
        kind: 'collective',
        title: 'Atelier CV',
        place: 'Maison de l’emploi',
        capacity: 10,
        startsAt: paris(day, 14).toISOString(),
        endsAt: paris(day, 16).toISOString(),
        beneficiaryIds: [consenting, silent],
      })
      .expect(201);
    appointmentId = (planned.body as { id: string }).id;
  });

  afterAll(async () => {
    clock?.reset();
    await api?.close();
    await context?.cleanup();
  });

  it('reminds nobody before 10:00 the day before, then the consenting person once, by e-mail and SMS', async () => {
    clock.set(paris(addDays(day, -1), 9, 58));
    await sweep.execute();
    expect(about(consenting)).toEqual({ emails: [], texts: [] });

    clock.set(paris(addDays(day, -1), 10, 1));
    await sweep.execute();
    await sweep.execute();
    const { emails, texts } = about(consenting);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe('Rappel : votre rendez-vous de demain');
    expect(emails[0].text).toContain('l’atelier « Atelier CV »');
    expect(emails[0].text).toContain('à 14:00 (Maison de l’emploi)');
    expect(texts).toHaveLength(1);
    expect(texts[0].text).toMatch(/^Rappel : l’atelier « Atelier CV » \S+ \d+ \S+ à 14:00/);
    // Without consent, nothing leaves, by either channel.
    expect(about(silent)).toEqual({ emails: [], texts: [] });
  });

  it('tells the participants when the appointment moves, and reminds them again the day before the new date', async () => {
    clock.reset();
    const newDay = addDays(day, 2);
    await as(org.users.coachLille)
      .patch(`/appointments/${appointmentId}`, {
        startsAt: paris(newDay, 9, 30).toISOString(),
        endsAt: paris(newDay, 11).toISOString(),
      })
      .expect(200);
    const moved = about(consenting);
    expect(moved.emails.at(-1)?.subject).toBe('Votre rendez-vous a changé');
    expect(moved.emails.at(-1)?.text).toContain('à 09:30');
    expect(moved.texts.at(-1)?.text).toMatch(/^Changement : l’atelier « Atelier CV » aura lieu .* à 09:30/);
    expect(about(silent)).toEqual({ emails: [], texts: [] });

    clock.set(paris(addDays(newDay, -1), 10, 5));
    await sweep.execute();
    const after = about(consenting);
    expect(after.emails.filter((message) => message.subject.startsWith('Rappel'))).toHaveLength(2);
    expect(after.texts.filter((message) => message.text.startsWith('Rappel'))).toHaveLength(2);
    // Back to the real time: the session's token is checked against the clock.
    clock.reset();
    const deliveries = await as(org.users.coachLille)
      .get(`/beneficiaries/${consenting}/message-deliveries`)
      .expect(200);
    expect(
      (deliveries.body as { items: Array<{ purpose: string; status: string }> }).items.map(
        (item) => `${item.purpose}:${item.status}`,
      ),
    ).toEqual(['reminder:sent', 'reminder:sent', 'moved:sent', 'moved:sent', 'reminder:sent', 'reminder:sent']);
  });
});
