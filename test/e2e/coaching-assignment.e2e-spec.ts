import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import {
  as,
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

/** Managers give people to coaches against the portfolio cap: the override needs a reason, the load view shows it. */
describe('assignments against the portfolio cap and the coaches’ loads', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  const ids: Record<string, string> = {};

  const register = (user: TestUser, firstName: string, extra: object = {}) =>
    as(api, user).post('/beneficiaries', {
      firstName,
      lastName: 'Plafond',
      commune: { inseeCode: '59350' },
      orientationDate: parisToday(),
      ...extra,
    });

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    await as(api, org.admin).put('/settings/coaching.portfolio_cap', { value: 1 }).expect(200);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('a full portfolio is refused; the override needs a reason, and the file names who decided, when and why', async () => {
    const manager = org.users.managerNord;
    const coach = org.users.coachNord;
    ids.first = (
      (await register(manager, 'Première', { referentUserId: coach.id }).expect(201)).body as {
        id: string;
      }
    ).id;
    const full = await register(manager, 'Seconde', { referentUserId: coach.id }).expect(422);
    expect(full.body).toMatchObject({
      code: 'beneficiary.portfolio_full',
      details: [{ field: 'capOverride', reason: 'portfolio full (1/1)' }],
    });
    const noReason = await register(manager, 'Seconde', { referentUserId: coach.id, capOverride: true }).expect(422);
    expect(noReason.body).toMatchObject({
      code: 'beneficiary.override_reason_required',
      details: [{ field: 'reason' }],
    });
    const blank = await register(manager, 'Seconde', {
      referentUserId: coach.id,
      capOverride: true,
      reason: '   ',
    }).expect(422);
    expect((blank.body as { code: string }).code).toBe('beneficiary.override_reason_required');
    const registered: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM beneficiary WHERE first_name = 'Seconde'`,
    );
    expect(registered).toEqual([{ n: 0 }]);

    ids.second = (
      (
        await register(manager, 'Seconde', { referentUserId: coach.id, capOverride: true, reason: 'fratrie' }).expect(
          201,
        )
      ).body as { id: string }
    ).id;
    // Registered without a coach, then given to one who has room: no override, no reason needed.
    ids.third = ((await register(manager, 'Troisième').expect(201)).body as { id: string }).id;
    await as(api, manager)
      .post(`/beneficiaries/${ids.third}/assignment`, { coachUserId: org.users.coachLille.id })
      .expect(200);
    ids.fourth = ((await register(manager, 'Quatrième').expect(201)).body as { id: string }).id;

    const file = await as(api, manager).get(`/beneficiaries/${ids.second}`).expect(200);
    expect(file.body).toMatchObject({
      referentUserId: coach.id,
      referentName: 'coach.nord',
      referents: [
        {
          coachUserId: coach.id,
          coachName: 'coach.nord',
          capOverride: true,
          assignedByUserId: manager.id,
          assignedByName: 'manager.nord',
          reason: 'fratrie',
          endedAt: null,
        },
      ],
    });
    const portfolio = await as(api, manager).get('/beneficiaries').expect(200);
    const names = Object.fromEntries(
      (portfolio.body as { items: Array<{ firstName: string; referentName: string | null }> }).items.map((item) => [
        item.firstName,
        item.referentName,
      ]),
    );
    expect(names).toEqual({
      Première: 'coach.nord',
      Seconde: 'coach.nord',
      Troisième: 'coach.lille',
      Quatrième: null,
    });
  });

  it('a manager reads each coach’s load against the cap over their structures only; coaches and staff may not', async () => {
    const loads = await as(api, org.users.managerNord).get('/coaches/loads').expect(200);
    expect(loads.body).toEqual({
      cap: 1,
      coaches: [
        expect.objectContaining({ userId: org.users.coachLille.id, load: 1, overrides: 0, structureName: 'UT Lille' }),
        expect.objectContaining({ userId: org.users.coachNord.id, load: 2, overrides: 1 }),
      ],
      unassigned: 1,
      capOverrides: [
        {
          beneficiaryId: ids.second,
          firstName: 'Seconde',
          lastName: 'Plafond',
          coachUserId: org.users.coachNord.id,
          assignedAt: expect.any(String),
          assignedByUserId: org.users.managerNord.id,
          assignedByName: 'manager.nord',
          reason: 'fratrie',
        },
      ],
    });
    const audited: Array<{ subject_id: string }> = await db.query(
      `SELECT subject_id FROM audit_event WHERE action = 'list' AND details->>'view' = 'coach_loads'
         AND actor_user_id = $1 AND subject_type = 'beneficiary'`,
      [org.users.managerNord.id],
    );
    expect(audited).toEqual([{ subject_id: ids.second }]);

    const elsewhere = await as(api, org.users.managerBasRhin).get('/coaches/loads').expect(200);
    expect(elsewhere.body).toEqual({ cap: 1, coaches: [], unassigned: 0, capOverrides: [] });
    for (const user of [org.users.coachNord, org.users.staffNord, org.admin])
      await as(api, user).get('/coaches/loads').expect(403);
  });
});
