import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  addDays,
  addMonths,
  ORPHAN_GRACE_MS,
  parisToday,
  ProcessErasures,
  RunRetention,
  SweepOrphanPhotos,
} from '@passerelle/coaching';
import { QUEUES } from '@passerelle/core';
import { ForgetSessionTraces, SESSION_TRACE_DAYS, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { ForgetViewerAddresses } from '@passerelle/mediation';
import {
  as as asUser,
  createTestContext,
  eventually,
  login,
  pngImage,
  seedOrganisation,
  spawnBuilt,
  startApi,
  startAppContext,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { WorkerProcessorsModule } from '../../apps/worker/src/worker-processors.module.js';

const today = parisToday();
const system = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin' as const] };

/**
 * The attacks on erasure and retention: a crash or an outage between coaching's erasure and the
 * other contexts', a context that fails, photo files left behind, a file never closed kept forever,
 * a retention that only ever reports, and connection addresses kept forever.
 */
describe('erasure and retention hold against crashes, outages and forgotten data', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;

  const coach = () => asUser(api, org.users.coachLille);

  /** A person with a diagnostic, an introduction whose card carries `canary`, and a job found alone at `canary`. */
  const personWithTraces = async (canary: string): Promise<{ id: string; introductionId: string }> => {
    const created = await coach()
      .post('/beneficiaries', {
        firstName: canary,
        lastName: 'Trace',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -60),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await coach()
      .put(`/beneficiaries/${id}/diagnostic`, {
        experiences: [{ romeCode: 'D1106', months: 12 }],
        skills: [],
        desiredOccupations: [],
        drivingLicence: false,
        vehicle: false,
        maxDistanceKm: 10,
        contractTypes: ['cdi'],
        workingTime: 'any',
        constraints: [],
        languages: [],
      })
      .expect(200);
    const employers: Array<{ id: string }> = await db.query('SELECT id FROM employer LIMIT 1');
    const introduction = await coach()
      .post('/introductions', { beneficiaryId: id, employerId: employers[0].id })
      .expect(201);
    const introductionId = (introduction.body as { id: string }).id;
    await coach().post(`/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
    await coach()
      .put(`/introductions/${introductionId}/card`, { note: `note ${canary}` })
      .expect(200);
    await coach()
      .post('/placements', {
        beneficiaryId: id,
        employerName: `Chez ${canary}`,
        foundBy: 'self',
        contractType: 'cdi',
        startDate: addDays(today, -5),
      })
      .expect(201);
    return { id, introductionId };
  };

  const traces = async (id: string): Promise<{ placement: string; card: unknown }> => {
    const rows: Array<{ placement: string; card: unknown }> = await db.query(
      `SELECT (SELECT employer_name FROM placement WHERE beneficiary_id = $1) AS placement,
              (SELECT card FROM introduction WHERE beneficiary_id = $1) AS card`,
      [id],
    );
    return rows[0];
  };

  const erasureEvent = async (id: string): Promise<{ handled_by: string[]; completed_at: Date | null }> => {
    const rows: Array<{ handled_by: string[]; completed_at: Date | null }> = await db.query(
      'SELECT handled_by, completed_at FROM beneficiary_erased_event WHERE beneficiary_id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    // The API alone: no worker runs until a test starts one.
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    await asUser(api, org.users.staffNord)
      .post('/employers', { name: 'Atelier Trace', commune: { inseeCode: '59350' } })
      .expect(201);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('an erasure made while no worker runs leaves mediation and outcomes to their own handlers, which the next worker to start runs', async () => {
    const { id } = await personWithTraces('Outagine');
    await asUser(api, org.users.managerNord).post(`/beneficiaries/${id}/erasure`).expect(200);
    // Coaching erased its own file and recorded the event; it wrote nothing in the other contexts.
    expect(await erasureEvent(id)).toEqual({ handled_by: [], completed_at: null });
    const before = await traces(id);
    expect(before.placement).toBe('Chez Outagine');
    expect(JSON.stringify(before.card)).toContain('Outagine');

    const worker: INestApplicationContext = await startAppContext(context.config, [WorkerProcessorsModule]);
    try {
      await eventually('event completed by the worker', async () => (await erasureEvent(id)).completed_at, 30_000);
    } finally {
      await worker.close();
    }
    expect((await erasureEvent(id)).handled_by.sort()).toEqual(['mediation', 'outcomes']);
    expect(await traces(id)).toEqual({ placement: '', card: null });
  });

  it('a context whose handler fails keeps the event pending; the next pass retries it without running the others again', async () => {
    const { id } = await personWithTraces('Crashine');
    await asUser(api, org.users.managerNord).post(`/beneficiaries/${id}/erasure`).expect(200);
    // Outcomes' table refuses every change, as a crash or a lock timeout would.
    await db.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'placement unavailable'; END $$`);
    await db.query('CREATE TRIGGER test_refuse BEFORE UPDATE ON placement FOR EACH ROW EXECUTE FUNCTION test_refuse()');
    const erasures = api.app.get(ProcessErasures);
    try {
      const first = await erasures.execute();
      expect(first).toMatchObject({ handled: 1, failed: 1, completed: 0 });
      expect(await erasureEvent(id)).toEqual({ handled_by: ['mediation'], completed_at: null });
      expect((await traces(id)).placement).toBe('Chez Crashine');
      expect((await traces(id)).card).toBeNull();
    } finally {
      await db.query('DROP TRIGGER test_refuse ON placement');
      await db.query('DROP FUNCTION test_refuse()');
    }
    const second = await erasures.execute();
    expect(second).toMatchObject({ handled: 1, failed: 0, completed: 1 });
    expect((await erasureEvent(id)).handled_by).toEqual(['mediation', 'outcomes']);
    expect((await traces(id)).placement).toBe('');
    expect(await erasures.execute()).toMatchObject({ events: 0, handled: 0 });
  });

  it('the photo sweep removes the files no row names once past the grace period, and keeps live photos and uploads in progress', async () => {
    const created = await coach()
      .post('/beneficiaries', {
        firstName: 'Photographiée',
        lastName: 'Trace',
        commune: { inseeCode: '59350' },
        orientationDate: today,
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await coach().post(`/beneficiaries/${id}/consents`, { purpose: 'photo' }).expect(201);
    await request(api.url)
      .put(`/beneficiaries/${id}/photo`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .attach('photo', pngImage(120, 120), { filename: 'p.png', contentType: 'image/png' })
      .expect(200);
    const directory = path.join(context.dataDir, 'photos');
    const live: Array<{ storage_key: string }> = await db.query(
      'SELECT storage_key FROM beneficiary_photo WHERE beneficiary_id = $1',
      [id],
    );
    // What a crash leaves: a photo whose row an erasure deleted, an upload cut short; and one just written.
    const orphan = `${randomUUID()}.jpg`;
    const partial = `.${randomUUID()}.png.partial`;
    const fresh = `${randomUUID()}.png`;
    await mkdir(directory, { recursive: true });
    for (const name of [orphan, partial, fresh]) await writeFile(path.join(directory, name), 'image');
    const old = new Date(Date.now() - ORPHAN_GRACE_MS - 60_000);
    for (const name of [orphan, partial, live[0].storage_key]) await utimes(path.join(directory, name), old, old);

    expect(await api.app.get(SweepOrphanPhotos).execute()).toEqual({ removed: 2 });
    expect((await readdir(directory)).sort()).toEqual([fresh, live[0].storage_key].sort());
    await coach().get(`/beneficiaries/${id}/photo`).expect(200);
  });

  it('retention reaches a file never closed: told 30 days ahead after the period without activity, anonymised once the notice passed; a new contact withdraws the notice', async () => {
    const months = 24;
    const longAgo = addDays(addMonths(today, -months), -10);
    const dormant = async (firstName: string): Promise<string> => {
      const created = await coach()
        .post('/beneficiaries', {
          firstName,
          lastName: 'Dormant',
          commune: { inseeCode: '59350' },
          orientationDate: today,
        })
        .expect(201);
      const id = (created.body as { id: string }).id;
      await coach()
        .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: today, note: 'rdv' })
        .expect(201);
      // As if the last sign of activity were 24 months and 10 days ago.
      await db.query(
        `UPDATE beneficiary SET orientation_date = $2, updated_at = $2::date, created_at = $2::date WHERE id = $1`,
        [id, longAgo],
      );
      await db.query('UPDATE coaching_event SET occurred_on = $2, created_at = $2::date WHERE beneficiary_id = $1', [
        id,
        longAgo,
      ]);
      return id;
    };
    const forgotten = await dormant('Oubliée');
    const back = await dormant('Revenue');
    const retention = api.app.get(RunRetention);

    const first = await retention.execute(system, { apply: true });
    expect(first.due).not.toContain(forgotten);
    const notices: Array<{ subject_id: string; due_on: string; message: string }> = await db.query(
      `SELECT subject_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, message FROM user_notification
       WHERE kind = 'retention_notice' AND subject_id = ANY($1) ORDER BY subject_id`,
      [[forgotten, back]],
    );
    expect(notices.map((notice) => notice.due_on)).toEqual([addDays(today, 30), addDays(today, 30)]);
    expect(notices[0].message).toContain('sans activité');

    // A contact with the second person before the date: the notice is withdrawn and the file stays.
    await coach().post(`/beneficiaries/${back}/events`, { kind: 'call', occurredOn: today }).expect(201);
    await db.query(
      `UPDATE user_notification SET due_on = $2 WHERE kind = 'retention_notice' AND subject_id = ANY($1)`,
      [[forgotten, back], today],
    );
    const applied = await retention.execute(system, { apply: true });
    expect(applied.due).toEqual([forgotten]);
    expect(applied.anonymised).toBe(1);
    const rows: Array<{ id: string; first_name: string | null; erased: boolean; notices: string }> = await db.query(
      `SELECT b.id, b.first_name, b.erased_at IS NOT NULL AS erased,
         (SELECT count(*) FROM user_notification n WHERE n.kind = 'retention_notice' AND n.subject_id = b.id) AS notices
       FROM beneficiary b WHERE b.id = ANY($1)`,
      [[forgotten, back]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row]))).toEqual({
      [forgotten]: { id: forgotten, first_name: null, erased: true, notices: '0' },
      [back]: { id: back, first_name: 'Revenue', erased: false, notices: '0' },
    });
    const events: Array<{ cause: string }> = await db.query(
      'SELECT cause FROM beneficiary_erased_event WHERE beneficiary_id = $1',
      [forgotten],
    );
    expect(events).toEqual([{ cause: 'retention' }]);
  });

  it('retention applies by default: the nightly job anonymises, and the CLI does unless told --dry-run', async () => {
    const worker = await startAppContext(context.config, [WorkerProcessorsModule]);
    try {
      const scheduler = await worker.get<Queue>(getQueueToken(QUEUES.coaching)).getJobScheduler('retention-daily');
      expect(scheduler?.template?.data).toEqual({ apply: true });
    } finally {
      await worker.close();
    }
    const created = await coach()
      .post('/beneficiaries', {
        firstName: 'Échue',
        lastName: 'Cli',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -900),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await db.query(`UPDATE beneficiary SET status = 'ended', exit_reason = 'job', ended_on = $2 WHERE id = $1`, [
      id,
      addMonths(today, -25),
    ]);
    const cli = async (args: string[]): Promise<{ apply: boolean; due: string[]; anonymised: number }> => {
      const run = spawnBuilt('apps/cli/src/main.js', ['retention', ...args], context.env);
      expect(await run.exited).toBe(0);
      return JSON.parse(run.output().trim().split('\n').at(-1)!) as {
        apply: boolean;
        due: string[];
        anonymised: number;
      };
    };
    // Announced 30 days ago: its notice's date has come.
    await api.app.get(RunRetention).execute(system, { apply: false });
    await db.query(`UPDATE user_notification SET due_on = $2 WHERE kind = 'retention_notice' AND subject_id = $1`, [
      id,
      today,
    ]);
    const dry = await cli(['--dry-run']);
    expect(dry).toMatchObject({ apply: false, anonymised: 0 });
    expect(dry.due).toContain(id);
    const firstName = async (): Promise<string | null> => {
      const rows: Array<{ first_name: string | null }> = await db.query(
        'SELECT first_name FROM beneficiary WHERE id = $1',
        [id],
      );
      return rows[0].first_name;
    };
    expect(await firstName()).toBe('Échue');
    const applied = await cli([]);
    expect(applied).toMatchObject({ apply: true });
    expect(applied.anonymised).toBeGreaterThanOrEqual(1);
    expect(await firstName()).toBeNull();
  }, 240_000);

  it(`drops a finished session's address and browser ${SESSION_TRACE_DAYS} days after it ended, and an employer's address on a card view, keeping live ones`, async () => {
    const session = async (): Promise<string> => {
      await login(api, org.users.staffNord.email, TEST_PASSWORD).set('User-Agent', 'Navigateur-Trace/1.0').expect(200);
      const rows: Array<{ id: string }> = await db.query(
        'SELECT id FROM refresh_token WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
        [org.users.staffNord.id],
      );
      return rows[0].id;
    };
    const ended = await session();
    const expired = await session();
    const live = await session();
    const past = new Date(Date.now() - (SESSION_TRACE_DAYS + 1) * 86_400_000);
    await db.query(`UPDATE refresh_token SET revoked_at = $2, revoked_reason = 'logout' WHERE id = $1`, [ended, past]);
    await db.query('UPDATE refresh_token SET expires_at = $2 WHERE id = $1', [expired, past]);
    const before: Array<{ ip: string | null; user_agent: string | null }> = await db.query(
      'SELECT ip, user_agent FROM refresh_token WHERE id = $1',
      [live],
    );
    expect(before[0].user_agent).toBe('Navigateur-Trace/1.0');
    expect(before[0].ip).not.toBeNull();

    expect((await api.app.get(ForgetSessionTraces).execute()).tokens).toBeGreaterThanOrEqual(2);
    const after: Array<{ id: string; ip: string | null; user_agent: string | null }> = await db.query(
      'SELECT id, ip, user_agent FROM refresh_token WHERE id = ANY($1)',
      [[ended, expired, live]],
    );
    expect(Object.fromEntries(after.map((row) => [row.id, [row.ip, row.user_agent]]))).toEqual({
      [ended]: [null, null],
      [expired]: [null, null],
      [live]: [before[0].ip, 'Navigateur-Trace/1.0'],
    });

    // The card views: one old, one recent, each with the employer's address.
    const { introductionId } = await personWithTraces('Vue');
    await db.query(
      `INSERT INTO introduction_event (introduction_id, kind, actor_kind, details, at)
       VALUES ($1, 'viewed', 'employer', '{"ip": "203.0.113.7"}', $2), ($1, 'viewed', 'employer', '{"ip": "203.0.113.8"}', now())`,
      [introductionId, past],
    );
    expect((await api.app.get(ForgetViewerAddresses).execute()).views).toBe(1);
    const views: Array<{ details: Record<string, unknown> }> = await db.query(
      `SELECT details FROM introduction_event WHERE introduction_id = $1 AND kind = 'viewed' ORDER BY at`,
      [introductionId],
    );
    expect(views.map((view) => view.details)).toEqual([{}, { ip: '203.0.113.8' }]);
  });
});
