import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
  withRefreshCookie,
} from '@passerelle/testing';

interface AuditRow {
  actor_user_id: string;
  action: string;
  subject_type: string;
  subject_id: string;
  request_id: string | null;
}

describe('identity: who may see which user, and the audit trail of every read', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;

  const get = (user: TestUser, path: string) => request(api.url).get(path).auth(user.accessToken, { type: 'bearer' });
  const auditOf = async (subjectId: string, actorId: string): Promise<AuditRow[]> =>
    db.query(
      `SELECT actor_user_id, action, subject_type, subject_id, request_id FROM audit_event
       WHERE subject_id = $1 AND actor_user_id = $2 AND action IN ('read', 'list') ORDER BY id`,
      [subjectId, actorId],
    );

  beforeAll(async () => {
    context = await createTestContext();
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('lets a manager read a user of a child structure, and records the read with its request id', async () => {
    const { managerNord, coachLille } = org.users;
    const response = await get(managerNord, `/users/${coachLille.id}`)
      .set('X-Request-Id', 'req-manager-reads-coach')
      .expect(200);
    expect(response.body).toMatchObject({ id: coachLille.id, email: coachLille.email, roles: ['coach'] });
    expect(response.body).not.toHaveProperty('passwordHash');
    expect(await auditOf(coachLille.id, managerNord.id)).toEqual([
      {
        actor_user_id: managerNord.id,
        action: 'read',
        subject_type: 'user',
        subject_id: coachLille.id,
        request_id: 'req-manager-reads-coach',
      },
    ]);
  });

  it('answers 404 to a manager asking for a user of another structure, and records nothing', async () => {
    const { managerNord, managerBasRhin } = org.users;
    const response = await get(managerNord, `/users/${managerBasRhin.id}`).expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'no such user',
      code: 'user.not_found',
      details: [],
    });
    expect(await auditOf(managerBasRhin.id, managerNord.id)).toEqual([]);
  });

  it('answers the same 404 for a user that does not exist at all', async () => {
    await get(org.users.managerNord, '/users/7b0e7d4e-5d7a-4c43-9c55-6a2f1c0f9f00').expect(404);
  });

  it("lists only the users of the manager's structure tree, one audit row per user listed", async () => {
    const { managerNord, coachLille, coachNord, staffNord, managerBasRhin } = org.users;
    const response = await get(managerNord, '/users?limit=200').expect(200);
    const ids = (response.body as { items: Array<{ id: string }> }).items.map((user) => user.id).sort();
    expect(ids).toEqual([managerNord.id, coachLille.id, coachNord.id, staffNord.id].sort());
    expect(ids).not.toContain(managerBasRhin.id);
    for (const id of ids) expect((await auditOf(id, managerNord.id)).map((row) => row.action)).toContain('list');
  });

  it('lets a coach see the users of their own structure only', async () => {
    const { coachLille, coachNord, managerNord } = org.users;
    await get(coachLille, `/users/${coachNord.id}`).expect(404);
    await get(coachNord, `/users/${managerNord.id}`).expect(200);
    const listed = await get(coachLille, '/users').expect(200);
    expect((listed.body as { items: Array<{ id: string }> }).items.map((user) => user.id)).toEqual([coachLille.id]);
  });

  it('refuses users to platform staff, and administration to everyone but the admin', async () => {
    const { staffNord, managerNord, coachNord } = org.users;
    const forbidden = await get(staffNord, '/users').expect(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403, code: 'auth.forbidden' });
    await request(api.url)
      .post('/users')
      .auth(managerNord.accessToken, { type: 'bearer' })
      .send({ email: 'x@test.fr', displayName: 'x', structureId: org.structures.nord, roles: ['admin'] })
      .expect(403);
    await request(api.url)
      .post('/structures')
      .auth(coachNord.accessToken, { type: 'bearer' })
      .send({ name: 'x', kind: 'other' })
      .expect(403);
    await get(coachNord, '/audit-events').expect(403);
  });

  it('lets the admin read any user', async () => {
    await get(org.admin, `/users/${org.users.managerBasRhin.id}`).expect(200);
  });

  it('shows managers the audit log of their structures only', async () => {
    const { managerNord, managerBasRhin, coachLille } = org.users;
    await get(managerBasRhin, `/users/${managerBasRhin.id}`).expect(200);
    const response = await get(managerNord, '/audit-events?limit=200').expect(200);
    const events = (response.body as { items: Array<{ subjectId: string; actorUserId: string }> }).items;
    expect(events.some((event) => event.subjectId === coachLille.id)).toBe(true);
    expect(events.some((event) => event.subjectId === managerBasRhin.id)).toBe(false);
    expect(events.some((event) => event.actorUserId === managerBasRhin.id)).toBe(false);
  });

  it('has no route to change or delete audit events, and the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    await request(api.url).delete('/audit-events').auth(org.admin.accessToken, { type: 'bearer' }).expect(404);
    const [{ count }] = await db.query<[{ count: number }]>('SELECT count(*)::int AS count FROM audit_event');
    expect(count).toBeGreaterThan(0);
    await expect(db.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [{ after }] = await db.query<[{ after: number }]>('SELECT count(*)::int AS after FROM audit_event');
    expect(after).toBe(count);
  });

  it('lets the admin read the settings in force and change the editable ones, with clear refusals and an audit row', async () => {
    const admin = (method: 'get' | 'put' | 'delete', path: string) =>
      request(api.url)[method](path).auth(org.admin.accessToken, { type: 'bearer' });
    const listed = await admin('get', '/settings').expect(200);
    const settings = listed.body as Array<{ key: string; value: unknown; editable: boolean; env: string }>;
    expect(settings.find((setting) => setting.key === 'coaching.portfolio_cap')).toMatchObject({
      value: 40,
      environmentValue: 40,
      editable: true,
      env: 'PORTFOLIO_CAP',
      changedAt: null,
    });
    expect(settings.find((setting) => setting.key === 'coaching.retention_apply')).toMatchObject({
      value: 'true',
      editable: false,
    });
    await get(org.users.managerNord, '/settings').expect(403);
    await request(api.url)
      .put('/settings/coaching.portfolio_cap')
      .auth(org.users.managerNord.accessToken, { type: 'bearer' })
      .send({ value: 10 })
      .expect(403);

    try {
      const changed = await admin('put', '/settings/mediation.card_link_days').send({ value: 14 }).expect(200);
      expect(changed.body).toMatchObject({ value: 14, environmentValue: 30, changedBy: org.admin.id });
      const tooBig = await admin('put', '/settings/mediation.card_link_days').send({ value: 400 }).expect(422);
      expect(tooBig.body).toMatchObject({
        code: 'setting.out_of_range',
        details: [{ field: 'value', reason: 'a whole number from 1 to 365 (days)' }],
      });
      const notANumber = await admin('put', '/settings/mediation.card_link_days')
        .send({ value: '14 jours' })
        .expect(400);
      expect((notANumber.body as { details: Array<{ field: string }> }).details[0].field).toBe('value');
      const fixed = await admin('put', '/settings/coaching.retention_apply').send({ value: 1 }).expect(422);
      expect(fixed.body).toMatchObject({ code: 'setting.read_only', details: [{ field: 'key' }] });
      await admin('put', '/settings/coaching.unknown').send({ value: 1 }).expect(404);

      const audit: Array<{ details: Record<string, unknown> }> = await db.query(
        `SELECT details FROM audit_event WHERE subject_type = 'setting' AND subject_id = 'mediation.card_link_days'
         AND actor_user_id = $1 ORDER BY id`,
        [org.admin.id],
      );
      expect(audit.map((row) => row.details)).toEqual([{ previous: 30, value: 14 }]);
    } finally {
      // Back to the environment's value whatever happened above; the answer says so.
      const reset = await admin('delete', '/settings/mediation.card_link_days').expect(200);
      expect(reset.body).toMatchObject({ value: 30, changedAt: null });
    }
  });

  it('stops a disabled user at once, even with an unexpired access token', async () => {
    const { coachNord } = org.users;
    await get(coachNord, '/auth/me').expect(200);
    await request(api.url)
      .patch(`/users/${coachNord.id}`)
      .auth(org.admin.accessToken, { type: 'bearer' })
      .send({ status: 'disabled' })
      .expect(200);
    const refused = await get(coachNord, '/auth/me').expect(401);
    expect(refused.body).toMatchObject({ code: 'auth.user_inactive' });
    await withRefreshCookie(api, '/auth/refresh', coachNord.refreshToken).expect(401);
  });
});
