import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditLog } from '@passerelle/identity';
import {
  createTestContext,
  currentTestRun,
  seedOrganisation,
  spawnBuilt,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';
import { acceptedIntroduction, type AcceptedIntroduction, personValidatedCard } from '../support/card-link-fixture.js';

interface AuditRow {
  id: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  subject_structure_id: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit log: what it records (reads through mediation, disclosures to employers, reads of the
 * log itself), and what an attacker with database access can and cannot do to it: the hash chain
 * makes a changed or deleted row visible to `cli audit verify`, and a role that does not own the
 * table cannot change it at all.
 */
describe('audit log: reads and disclosures recorded, tampering detected', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let intro: AcceptedIntroduction;
  const restrictedRole = `passerelle_test_app_${randomBytes(4).toString('hex')}`;

  const get = (user: TestUser, path: string) => request(api.url).get(path).auth(user.accessToken, { type: 'bearer' });
  const lastId = async (): Promise<string> =>
    (await db.query<Array<{ id: string }>>('SELECT coalesce(max(id), 0)::text AS id FROM audit_event'))[0].id;
  const rowsAfter = (id: string): Promise<AuditRow[]> =>
    db.query(
      `SELECT id::text, actor_user_id, action, subject_type, subject_id, subject_structure_id, details
       FROM audit_event WHERE id > $1 ORDER BY id`,
      [id],
    );
  const verify = async (...args: string[]): Promise<{ code: number; output: string }> => {
    const run = spawnBuilt('apps/cli/src/main.js', ['audit', 'verify', ...args], context.env);
    const code = await run.exited;
    return { code, output: run.output().trim() };
  };
  /** As the table's owner: with the guard trigger off, as anyone owning the table can do. */
  const asOwnerWithoutGuards = async (sql: string, params: unknown[] = []): Promise<void> => {
    await db.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      await manager.query('ALTER TABLE audit_chain_head DISABLE TRIGGER audit_chain_head_guard');
      await manager.query(sql, params);
      await manager.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
      await manager.query('ALTER TABLE audit_chain_head ENABLE TRIGGER audit_chain_head_guard');
    });
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    intro = await acceptedIntroduction(api.url, org);
    await personValidatedCard(api.url, context.dataDir, org.users.coachLille, intro);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
    // Roles belong to the server, not the database: dropped once the database (and its grants) went.
    const admin = new pg.Client({ connectionString: currentTestRun().postgresServerUrl });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${restrictedRole}`);
    await admin.end();
  });

  it('records reading an introduction and the list of introductions, naming the person and the reader', async () => {
    const mark = await lastId();
    await get(org.users.staffNord, `/introductions/${intro.introductionId}`).expect(200);
    await get(org.users.staffNord, '/introductions').expect(200);
    const rows = await rowsAfter(mark);
    expect(rows.map((row) => [row.actor_user_id, row.action, row.subject_type, row.subject_id])).toEqual([
      [org.users.staffNord.id, 'read', 'beneficiary', intro.beneficiaryId],
      [org.users.staffNord.id, 'list', 'beneficiary', intro.beneficiaryId],
    ]);
    expect(rows[0].details).toEqual({ part: 'introduction', introductionId: intro.introductionId });
    expect(rows[1].details).toMatchObject({ part: 'introductions' });
    // Under the person's structure, where their coach's manager looks.
    expect(rows[0].subject_structure_id).toBe(org.structures.lille);
  });

  it('records sending a card link as a disclosure: to which employer and address, whose card, which introduction', async () => {
    const mark = await lastId();
    const sent = await request(api.url)
      .post(`/introductions/${intro.introductionId}/links`)
      .auth(org.users.staffNord.accessToken, { type: 'bearer' })
      .send({ contactId: intro.contactId })
      .expect(201);
    expect((sent.body as { emailedTo: string }).emailedTo).toBe(intro.contactEmail);
    const shares = (await rowsAfter(mark)).filter((row) => row.action === 'share');
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({
      actor_user_id: org.users.staffNord.id,
      subject_type: 'beneficiary',
      subject_id: intro.beneficiaryId,
      details: {
        part: 'card_link',
        introductionId: intro.introductionId,
        employerId: intro.employerId,
        employerName: intro.employerName,
        offerId: intro.offerId,
        contactId: intro.contactId,
        emailedTo: intro.contactEmail,
        linkId: expect.any(String),
        expiresAt: expect.any(String),
      },
    });
  });

  it('records reading candidate requests, one row per person concerned', async () => {
    await db.query(`INSERT INTO candidate_request (offer_id, beneficiary_id, requested_by) VALUES ($1, $2, $3)`, [
      intro.offerId,
      intro.beneficiaryId,
      org.users.staffNord.id,
    ]);
    const mark = await lastId();
    const listed = await get(org.users.coachLille, '/candidate-requests').expect(200);
    expect((listed.body as { items: unknown[] }).items).toHaveLength(1);
    const rows = await rowsAfter(mark);
    expect(rows.map((row) => [row.actor_user_id, row.action, row.subject_type, row.subject_id, row.details])).toEqual([
      [
        org.users.coachLille.id,
        'list',
        'beneficiary',
        intro.beneficiaryId,
        { part: 'candidate_requests', status: null },
      ],
    ]);
  });

  it('records reading the audit log itself, with what was searched, and not inside its own answer', async () => {
    const mark = await lastId();
    const page = await get(org.users.managerNord, `/audit-events?subjectId=${intro.beneficiaryId}&limit=50`).expect(
      200,
    );
    const rows = await rowsAfter(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: org.users.managerNord.id,
      action: 'list',
      subject_type: 'audit_log',
      details: { filters: { subjectId: intro.beneficiaryId, limit: 50 }, returned: expect.any(Number) },
    });
    const items = (page.body as { items: Array<{ id: string }> }).items;
    expect(items.map((item) => item.id)).not.toContain(rows[0].id);
    // The next reader sees it.
    const next = await get(org.users.managerNord, '/audit-events?subjectType=audit_log').expect(200);
    expect((next.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(rows[0].id);
  });

  it('chains rows appended at once from many connections, rolled-back ones leaving no gap', async () => {
    const before = Number((await db.query<Array<{ n: string }>>('SELECT count(*)::text AS n FROM audit_event'))[0].n);
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const client = new pg.Client({ connectionString: context.config.database.url.toString() });
        await client.connect();
        return client;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (client, c) => {
          for (let t = 0; t < 15; t++) {
            await client.query('BEGIN');
            for (let r = 0; r < 2; r++)
              await client.query(
                `INSERT INTO audit_event (action, subject_type, subject_id, details) VALUES ('read', 'test', $1, $2)`,
                [`${c}-${t}-${r}`, JSON.stringify({ c, t, r })],
              );
            await client.query(t % 5 === 4 ? 'ROLLBACK' : 'COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    const result = await verify();
    expect(result).toEqual({ code: 0, output: expect.stringMatching(/^audit verify: OK, \d+ events chained/) });
    const count = Number(/OK, (\d+) events/.exec(result.output)![1]);
    expect(count).toBe(before + 6 * 12 * 2);
  });

  it('lets a role that does not own the table append (sealed) but not change, delete, truncate or unguard it', async () => {
    const url = new URL(context.config.database.url.toString());
    await db.query(`CREATE ROLE ${restrictedRole} LOGIN PASSWORD 'app-role-password'`);
    await db.query(`GRANT CONNECT ON DATABASE "${context.databaseName}" TO ${restrictedRole}`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${restrictedRole}`);
    // What docs/security.md tells production to grant the runtime role on the audit tables.
    await db.query(`GRANT SELECT, INSERT ON audit_event TO ${restrictedRole}`);
    url.username = restrictedRole;
    url.password = 'app-role-password';
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      const inserted = await app.query<{ id: string }>(
        `INSERT INTO audit_event (action, subject_type, subject_id, chain_seq, hash)
         VALUES ('read', 'test', 'restricted', 1, repeat('a', 64)) RETURNING id::text`,
      );
      const sealed = await app.query<{ chain_seq: string | null }>(
        'SELECT chain_seq::text FROM audit_event WHERE id = $1',
        [inserted.rows[0].id],
      );
      expect(Number(sealed.rows[0].chain_seq)).toBeGreaterThan(1);
      const refusal = (sql: string): Promise<string> =>
        app.query(sql).then(
          () => 'accepted',
          (error: { code?: string }) => error.code ?? 'unknown',
        );
      // 42501: insufficient privilege (not the owner, or no grant).
      expect({
        update: await refusal(`UPDATE audit_event SET action = 'tampered'`),
        delete: await refusal('DELETE FROM audit_event'),
        truncate: await refusal('TRUNCATE audit_event'),
        disableTrigger: await refusal('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete'),
        dropTrigger: await refusal('DROP TRIGGER audit_event_seal ON audit_event'),
        moveHead: await refusal(`UPDATE audit_chain_head SET seq = 0`),
        // A batch names rows for the seal: only the trigger may queue one (no grant, and a guard).
        queueSeal: await refusal(`INSERT INTO audit_seal_batch (event_ids) VALUES ('{1}')`),
      }).toEqual({
        update: '42501',
        delete: '42501',
        truncate: '42501',
        disableTrigger: '42501',
        dropTrigger: '42501',
        moveHead: '42501',
        queueSeal: '42501',
      });
    } finally {
      await app.end();
    }
    expect((await verify()).code).toBe(0);
  });

  it('finds a row changed behind the append-only trigger, naming it, until it is put back', async () => {
    const [share]: Array<{ id: string; details: string }> = await db.query(
      `SELECT id::text, details::text FROM audit_event WHERE action = 'share' ORDER BY audit_event.id DESC LIMIT 1`,
    );
    await asOwnerWithoutGuards(`UPDATE audit_event SET details = details || '{"emailedTo": null}' WHERE id = $1`, [
      share.id,
    ]);
    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain(`audit event ${share.id} was changed after it was written`);

    await asOwnerWithoutGuards('UPDATE audit_event SET details = $2::jsonb WHERE id = $1', [share.id, share.details]);
    expect((await verify()).code).toBe(0);
  });

  it('seals the rows one statement wrote as one run of the chain, and finds one of them changed or a run left unsealed', async () => {
    // The application's own path: twenty people listed at once are twenty rows of one INSERT.
    const mark = await lastId();
    const subjects = Array.from({ length: 20 }, () => ({
      type: 'beneficiary',
      id: randomUUID(),
      structureId: org.structures.lille,
    }));
    const actor = {
      userId: org.users.staffNord.id,
      structureId: org.structures.nord,
      roles: ['platform_staff' as const],
    };
    await api.app.get(AuditLog).record(actor, 'read', subjects, { part: 'candidates', offerId: intro.offerId });
    const batch: Array<{ id: string; subject_id: string; chain_seq: string; details: string }> = await db.query(
      'SELECT id::text, subject_id, chain_seq::text, details::text FROM audit_event WHERE id > $1 ORDER BY id',
      [mark],
    );
    expect(batch.map((row) => row.subject_id)).toEqual(subjects.map((subject) => subject.id));
    const first = Number(batch[0].chain_seq);
    expect(batch.map((row) => Number(row.chain_seq))).toEqual(batch.map((_, i) => first + i));
    expect((await verify()).code).toBe(0);

    // A row inside the run, neither its first nor its last.
    const inside = batch[7];
    await asOwnerWithoutGuards(`UPDATE audit_event SET details = details || '{"offerId": null}' WHERE id = $1`, [
      inside.id,
    ]);
    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain(`audit event ${inside.id} was changed after it was written`);
    await asOwnerWithoutGuards('UPDATE audit_event SET details = $2::jsonb WHERE id = $1', [inside.id, inside.details]);
    expect((await verify()).code).toBe(0);

    // The statement's seal switched off (as only the table's owner can): its rows are found unsealed.
    const before = await lastId();
    await db.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_seal');
      await manager.query(
        `INSERT INTO audit_event (action, subject_type, subject_id) VALUES ('read', 'test', 'unsealed-1'), ('read', 'test', 'unsealed-2')`,
      );
      await manager.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_seal');
    });
    const unsealed = await verify();
    expect(unsealed.code).toBe(1);
    expect(unsealed.output).toContain(`audit event ${Number(before) + 1} was never sealed into the chain`);
    await asOwnerWithoutGuards('DELETE FROM audit_event WHERE id > $1', [before]);
    expect((await verify()).code).toBe(0);
  });

  it('finds rows cut from the end; a rewound head passes alone but not against the head recorded earlier', async () => {
    const good = await verify();
    const head = /head (\d+:[0-9a-f]{64})/.exec(good.output)![1];
    const [last]: Array<{ id: string; prev_hash: string; chain_seq: string }> = await db.query(
      'SELECT id::text, prev_hash, chain_seq::text FROM audit_event ORDER BY audit_event.chain_seq DESC LIMIT 1',
    );
    await asOwnerWithoutGuards('DELETE FROM audit_event WHERE id = $1', [last.id]);
    const cut = await verify();
    expect(cut.code).toBe(1);
    expect(cut.output).toContain(`sequence number ${last.chain_seq} missing at the end of the chain`);

    // Whoever owns the tables can make the shortened chain whole again: only an anchor kept elsewhere tells.
    await asOwnerWithoutGuards('UPDATE audit_chain_head SET seq = seq - 1, hash = $1', [last.prev_hash]);
    expect((await verify()).code).toBe(0);
    const anchored = await verify('--expect', head);
    expect(anchored.code).toBe(1);
    expect(anchored.output).toContain(`sequence number ${last.chain_seq} recorded earlier is no longer in the chain`);
  });

  it('finds a row deleted from the middle by the gap it leaves', async () => {
    const [middle]: Array<{ id: string; chain_seq: string }> = await db.query(
      `SELECT id::text, chain_seq::text FROM audit_event WHERE action = 'share' ORDER BY audit_event.id DESC LIMIT 1`,
    );
    await asOwnerWithoutGuards('DELETE FROM audit_event WHERE id = $1', [middle.id]);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      new RegExp(`audit event \\d+ follows a gap: sequence number ${middle.chain_seq} missing \\(deleted\\)`),
    );
  });
});
