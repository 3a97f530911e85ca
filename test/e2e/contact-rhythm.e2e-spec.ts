import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { addDays, CheckContactRhythm, parisToday, RHYTHM_ALERT_KIND } from '@passerelle/coaching';
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

const today = parisToday();

interface Rhythm {
  contacts: number;
  periodDays: number;
  held: number;
  expected: number;
  behind: boolean;
}
interface PortfolioItem {
  id: string;
  alerts: string[];
  rhythm: Rhythm | null;
}
interface Notice {
  kind: string;
  subjectId: string;
  message: string;
}
interface RhythmsView {
  structures: Array<{
    structureId: string;
    own: { contacts: number; periodDays: number } | null;
    effective: { contacts: number; periodDays: number } | null;
  }>;
  coaches: Array<{ userId: string; followed: number; behind: number }>;
  behind: Array<{ beneficiaryId: string; held: number; expected: number }>;
}
interface Indicator {
  key: string;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The contact rhythm: a manager sets the programme's target per structure (a child structure follows
 * its parent's), the coach's portfolio and the manager's view show who is behind, the daily check
 * sends the referent an alert that a recorded contact withdraws, and the indicators count the share
 * of people at target. Only managers of the structure set it.
 */
describe('contact rhythm: setting, who is behind, the alert and the indicator', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let behindId: string;
  let onTrackId: string;
  const as = (user: TestUser) => asUser(api, user);

  const register = async (firstName: string, coach: TestUser, orientedDaysAgo: number): Promise<string> => {
    const created = await as(coach)
      .post('/beneficiaries', {
        firstName,
        lastName: 'Rythme',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -orientedDaysAgo),
      })
      .expect(201);
    return (created.body as { id: string }).id;
  };
  const contact = (coach: TestUser, id: string, daysAgo: number) =>
    as(coach)
      .post(`/beneficiaries/${id}/events`, { kind: 'call', occurredOn: addDays(today, -daysAgo), note: 'point' })
      .expect(201);
  const portfolio = async (user: TestUser): Promise<PortfolioItem[]> =>
    ((await as(user).get('/beneficiaries').expect(200)).body as { items: PortfolioItem[] }).items;
  const inbox = async (user: TestUser): Promise<Notice[]> =>
    ((await as(user).get('/notifications').expect(200)).body as { items: Notice[] }).items;
  const rhythms = async (user: TestUser): Promise<RhythmsView> =>
    (await as(user).get('/contact-rhythms').expect(200)).body as RhythmsView;
  const indicator = async (): Promise<Indicator> => {
    const response = await as(org.users.managerNord)
      .get(`/indicators?from=${addDays(today, -30)}&to=${today}`)
      .expect(200);
    const report = response.body as { groups: Array<{ indicators: Indicator[] }> };
    return report.groups[0].indicators.find((item) => item.key === 'contact_rhythm_at_target')!;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    behindId = await register('Bruno', org.users.coachLille, 40);
    onTrackId = await register('Sonia', org.users.coachLille, 40);
    // Followed by their coach since their orientation (the rhythm counts from the referent's start).
    await db.query(`UPDATE beneficiary_assignment SET started_at = now() - interval '40 days'`);
    await contact(org.users.coachLille, behindId, 3);
    await contact(org.users.coachLille, onTrackId, 1);
    await contact(org.users.coachLille, onTrackId, 4);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('without a rhythm, nobody is behind and the indicator has nobody to measure', async () => {
    const items = await portfolio(org.users.coachLille);
    expect(items.map((item) => item.rhythm)).toEqual([null, null]);
    expect(await indicator()).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it('refuses a coach (403), another département’s manager (404) and a rhythm out of bounds (400, by field)', async () => {
    await as(org.users.coachLille)
      .put(`/contact-rhythms/${org.structures.lille}`, { contacts: 2, periodDays: 7 })
      .expect(403);
    await as(org.users.coachLille).get('/contact-rhythms').expect(403);
    const foreign = await as(org.users.managerBasRhin)
      .put(`/contact-rhythms/${org.structures.nord}`, { contacts: 2, periodDays: 7 })
      .expect(404);
    expect(foreign.body).toMatchObject({ code: 'structure.not_found' });
    const bad = await as(org.users.managerNord)
      .put(`/contact-rhythms/${org.structures.nord}`, { contacts: 0, periodDays: 365 })
      .expect(400);
    expect((bad.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field).sort()).toEqual([
      'contacts',
      'periodDays',
    ]);
    const rows: unknown[] = await db.query('SELECT 1 FROM contact_rhythm');
    expect(rows).toHaveLength(0);
  });

  it('a rhythm set on the département applies to its local office', async () => {
    await as(org.users.managerNord)
      .put(`/contact-rhythms/${org.structures.nord}`, { contacts: 2, periodDays: 7 })
      .expect(200);
    const view = await rhythms(org.users.managerNord);
    const lille = view.structures.find((row) => row.structureId === org.structures.lille)!;
    expect(lille).toMatchObject({ own: null, effective: { contacts: 2, periodDays: 7 } });
    const otherManager = await rhythms(org.users.managerBasRhin);
    expect(otherManager.structures.map((row) => row.structureId)).toEqual([org.structures.basRhin]);
  });

  it('the portfolio shows who is behind, and the manager sees it per coach', async () => {
    const items = await portfolio(org.users.coachLille);
    const behind = items.find((item) => item.id === behindId)!;
    const onTrack = items.find((item) => item.id === onTrackId)!;
    expect(behind.rhythm).toEqual({ contacts: 2, periodDays: 7, held: 1, expected: 2, behind: true });
    expect(behind.alerts).toContain('behind_rhythm');
    expect(onTrack.rhythm).toMatchObject({ held: 2, behind: false });
    expect(onTrack.alerts).not.toContain('behind_rhythm');
    const file = await as(org.users.coachLille).get(`/beneficiaries/${behindId}`).expect(200);
    expect((file.body as { rhythm: Rhythm }).rhythm).toEqual(behind.rhythm);
    const filtered = await as(org.users.coachLille).get('/beneficiaries?alert=behind_rhythm').expect(200);
    expect((filtered.body as { items: PortfolioItem[] }).items.map((item) => item.id)).toEqual([behindId]);

    const view = await rhythms(org.users.managerNord);
    expect(view.coaches).toEqual([
      expect.objectContaining({ userId: org.users.coachLille.id, followed: 2, behind: 1 }),
    ]);
    expect(view.behind).toEqual([expect.objectContaining({ beneficiaryId: behindId, held: 1, expected: 2 })]);
    const audited: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE actor_user_id = $1 AND action = 'list' AND details->>'view' = 'contact_rhythm'
         AND subject_id = $2`,
      [org.users.managerNord.id, behindId],
    );
    expect(audited.length).toBeGreaterThan(0);
    expect(await indicator()).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('the daily check alerts the referent once; a contact recorded withdraws the alert', async () => {
    const check = api.app.get(CheckContactRhythm);
    expect(await check.execute()).toEqual({ behind: 1, alertsSent: 1 });
    expect(await check.execute()).toEqual({ behind: 1, alertsSent: 0 });
    const alerts = (await inbox(org.users.coachLille)).filter((notice) => notice.kind === RHYTHM_ALERT_KIND);
    expect(alerts).toEqual([
      expect.objectContaining({
        subjectId: behindId,
        message: expect.stringContaining('2 contacts par semaine'),
      }),
    ]);
    // The message names no one: the coach opens the file from the notification.
    expect(alerts[0].message).not.toContain('Bruno');
    expect((await inbox(org.users.managerNord)).filter((notice) => notice.kind === RHYTHM_ALERT_KIND)).toEqual([]);

    await contact(org.users.coachLille, behindId, 0);
    expect((await inbox(org.users.coachLille)).filter((notice) => notice.kind === RHYTHM_ALERT_KIND)).toEqual([]);
    const entry = (await portfolio(org.users.coachLille)).find((item) => item.id === behindId)!;
    expect(entry.rhythm).toMatchObject({ held: 2, behind: false });
    expect(entry.alerts).not.toContain('behind_rhythm');
    expect(await indicator()).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('a structure’s own rhythm overrides its parent’s; removing it brings the parent’s back', async () => {
    const set = await as(org.users.managerNord)
      .put(`/contact-rhythms/${org.structures.lille}`, { contacts: 3, periodDays: 7 })
      .expect(200);
    expect(set.body).toMatchObject({ own: { contacts: 3, periodDays: 7 }, effective: { contacts: 3, periodDays: 7 } });
    expect((await portfolio(org.users.coachLille)).every((item) => item.rhythm?.behind)).toBe(true);
    const cleared = await as(org.users.managerNord).delete(`/contact-rhythms/${org.structures.lille}`).expect(200);
    expect(cleared.body).toMatchObject({ own: null, effective: { contacts: 2, periodDays: 7 } });
    expect((await portfolio(org.users.coachLille)).some((item) => item.rhythm?.behind)).toBe(false);
  });
});
