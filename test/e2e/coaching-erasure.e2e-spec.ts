import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import request from 'supertest';
import { addDays, parisToday } from '@passerelle/coaching';
import { createMeiliClient, freePort, QUEUES } from '@passerelle/core';
import {
  createTestContext,
  eventually,
  personValidatedCard,
  pngImage,
  seedOrganisation,
  spawnBuilt,
  startApi,
  type SpawnedProcess,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

/**
 * Erasure, end to end on real processes: an API and a worker logging at debug level handle a file
 * full of a distinctive canary name, in every context (coaching, the referent's transfer reason,
 * mediation's card, interview, employer's answer and e-mail, outcomes' placement, checkpoint answer
 * and notification, the photo); after erasure the canary is nowhere in PostgreSQL (every column of
 * every table, so a new table is covered without editing this test), under the data directory
 * (photos, captured e-mails), in Meilisearch, Redis (queue data and results) or the processes' logs.
 */
describe('erasure leaves no personal data anywhere', () => {
  const canary = `Zorglubine${randomBytes(4).toString('hex')}`;
  const today = parisToday();
  let context: TestContext;
  let org: TestOrganisation;
  let api: SpawnedProcess;
  let worker: SpawnedProcess;
  let url: string;

  /** Every table of every schema, each row as text (all its columns: text, arrays, JSON...). */
  const tablesContaining = async (needle: string): Promise<string[]> => {
    const client = new pg.Client({ connectionString: context.config.database.url.toString() });
    await client.connect();
    try {
      const tables = await client.query<{ table_schema: string; table_name: string }>(
        `SELECT table_schema, table_name FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      expect(tables.rows.length).toBeGreaterThan(30);
      const found: string[] = [];
      for (const { table_schema, table_name } of tables.rows) {
        const hit = await client.query(
          `SELECT 1 FROM "${table_schema}"."${table_name}" t WHERE t::text ILIKE $1 LIMIT 1`,
          [`%${needle}%`],
        );
        if (hit.rowCount) found.push(table_name);
      }
      return found;
    } finally {
      await client.end();
    }
  };

  /** Every file under the data directory (photos, captured e-mails...), read as bytes. */
  const filesUnder = async (directory: string): Promise<string[]> => {
    const entries = await readdir(directory, { withFileTypes: true, recursive: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  };
  const filesContaining = async (needle: string): Promise<string[]> => {
    const found: string[] = [];
    for (const file of await filesUnder(context.dataDir))
      if ((await readFile(file)).toString('latin1').toLowerCase().includes(needle.toLowerCase())) found.push(file);
    return found;
  };

  const redisContaining = async (needle: string): Promise<string[]> => {
    const redis = new Redis(context.config.redis.url.toString());
    try {
      const keys = await redis.keys(`${context.env.QUEUE_PREFIX}:*`);
      const found: string[] = [];
      for (const key of keys) {
        const type = await redis.type(key);
        const dump =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? JSON.stringify(await redis.hgetall(key))
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === 'zset'
                  ? JSON.stringify(await redis.zrange(key, 0, -1))
                  : type === 'set'
                    ? JSON.stringify(await redis.smembers(key))
                    : type === 'stream'
                      ? JSON.stringify(await redis.xrange(key, '-', '+'))
                      : '';
        if (dump?.toLowerCase().includes(needle.toLowerCase())) found.push(key);
      }
      return found;
    } finally {
      redis.disconnect();
    }
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    // Accounts are made in-process, then the real API and worker run as their own processes.
    const setup = await startApi(context.config);
    org = await seedOrganisation(setup);
    await setup.close();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = { ...context.env, LOG_LEVEL: 'debug', DEMO_MODE: 'false' };
    api = spawnBuilt('apps/api/src/main.js', [], { ...env, PORT: String(port) });
    worker = spawnBuilt('apps/worker/src/main.js', [], env);
    await eventually('API listening', () => (api.output().includes('API listening') ? true : undefined), 60_000);
    await eventually('worker started', () => (worker.output().includes('worker started') ? true : undefined), 60_000);
  });

  afterAll(async () => {
    api?.child.kill('SIGTERM');
    worker?.child.kill('SIGTERM');
    await api?.exited;
    await worker?.exited;
    await context?.cleanup();
  });

  it('clears every personal field, keeps the anonymous facts, and the canary is found nowhere', async () => {
    const coach = org.users.coachLille;
    const call = (method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object) => {
      const test = request(url)[method](path).auth(coach.accessToken, { type: 'bearer' });
      return body ? test.send(body) : test;
    };
    const created = await call('post', '/beneficiaries', {
      firstName: canary,
      lastName: `${canary}-nom`,
      email: `${canary.toLowerCase()}@example.org`,
      phone: '06 11 22 33 44',
      address: `12 rue ${canary}`,
      birthDate: '1985-04-02',
      commune: { inseeCode: '59350' },
      orientationDate: addDays(today, -40),
    }).expect(201);
    const id = (created.body as { id: string }).id;
    await call('put', `/beneficiaries/${id}/diagnostic`, {
      experiences: [{ jobTitle: `Agent d'entretien chez ${canary}`, months: 30 }],
      skills: [],
      desiredOccupations: [],
      drivingLicence: false,
      vehicle: false,
      maxDistanceKm: 20,
      contractTypes: ['cdi'],
      workingTime: 'any',
      constraints: [],
      languages: [],
    }).expect(200);
    await call('post', `/beneficiaries/${id}/barriers`, {
      kind: 'housing',
      status: 'identified',
      description: `hébergée par ${canary}`,
    }).expect(201);
    await call('post', `/beneficiaries/${id}/barriers`, {
      kind: 'health',
      status: 'in_progress',
      healthNote: `suivi ${canary}`,
    }).expect(201);
    await call('post', `/beneficiaries/${id}/cers`, {
      signedOn: addDays(today, -30),
      startDate: addDays(today, -30),
      beneficiaryCommitments: [`${canary} s'engage`],
      serviceCommitments: [`accompagner ${canary}`],
    }).expect(201);
    await call('post', `/beneficiaries/${id}/events`, {
      kind: 'meeting',
      occurredOn: today,
      note: `rendez-vous avec ${canary}`,
    }).expect(201);
    await call('post', `/beneficiaries/${id}/consents`, { purpose: 'share_profile_with_employers' }).expect(201);
    await call('post', `/beneficiaries/${id}/consents`, { purpose: 'photo' }).expect(201);
    await request(url)
      .put(`/beneficiaries/${id}/photo`)
      .auth(coach.accessToken, { type: 'bearer' })
      .attach('photo', pngImage(200, 200), { filename: 'photo.png', contentType: 'image/png' })
      .expect(200);
    // A transfer and back, each with a reason that names the person.
    const manager = (method: 'post', path: string, body: object) =>
      request(url)[method](path).auth(org.users.managerNord.accessToken, { type: 'bearer' }).send(body);
    await manager('post', `/beneficiaries/${id}/assignment`, {
      coachUserId: org.users.coachNord.id,
      reason: `absence de ${canary}`,
    }).expect(200);
    await manager('post', `/beneficiaries/${id}/assignment`, {
      coachUserId: coach.id,
      reason: `retour de ${canary}`,
    }).expect(200);

    // Mediation: an introduction whose card, interview, employer's answer and e-mail carry the canary.
    const staff = (method: 'post' | 'put', path: string, body?: object) => {
      const test = request(url)[method](path).auth(org.users.staffNord.accessToken, { type: 'bearer' });
      return body ? test.send(body) : test;
    };
    const employer = await staff('post', '/employers', {
      name: 'Boulangerie du Beffroi',
      commune: { inseeCode: '59350' },
    }).expect(201);
    const employerId = (employer.body as { id: string }).id;
    const contact = await staff('post', `/employers/${employerId}/contacts`, {
      name: 'Mme Durand',
      email: 'durand@beffroi.example',
    }).expect(201);
    const introduction = await call('post', '/introductions', { beneficiaryId: id, employerId }).expect(201);
    const introductionId = (introduction.body as { id: string }).id;
    await call('post', `/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
    await call('put', `/introductions/${introductionId}/card`, { note: `${canary} est ponctuelle` }).expect(200);
    await personValidatedCard(url, context.dataDir, coach, { beneficiaryId: id, introductionId });
    const link = await staff('post', `/introductions/${introductionId}/links`, {
      contactId: (contact.body as { id: string }).id,
    }).expect(201);
    const cardPath = new URL((link.body as { url: string }).url).pathname;
    expect((await request(url).get(cardPath).expect(200)).text).toContain(canary);
    await request(url)
      .post(cardPath)
      .type('form')
      .send({ answer: 'interested', message: `Nous voulons rencontrer ${canary}`, proposedInterview: 'mardi' })
      .expect(200);
    await staff('post', `/introductions/${introductionId}/transitions`, {
      to: 'interview',
      interviewAt: `${addDays(today, 3)}T10:00:00+01:00`,
      interviewPlace: `chez ${canary}`,
    }).expect(200);

    // A mediator's request to the coach about this person for a captured offer, with a message naming them.
    const analysis = await staff('post', `/employers/${employerId}/job-analyses`, {
      title: 'Vendeur en boulangerie',
      romeCode: 'D1106',
      tasks: ['Accueillir les clients', 'Encaisser'],
      schedule: 'Du mardi au samedi, 7h-14h',
      tools: ['caisse enregistreuse'],
      initialRequirements: ['CAP vente'],
      realRequirements: ['Aimer le contact client'],
      negotiatedAway: ['CAP vente'],
      publicTransport: 'Métro ligne 1',
      contractType: 'CDI',
      workingTime: 'part_time',
      analysedOn: today,
      publish: true,
    }).expect(201);
    const seed = new pg.Client({ connectionString: context.config.database.url.toString() });
    await seed.connect();
    try {
      await seed.query(
        `INSERT INTO candidate_request (offer_id, beneficiary_id, requested_by, message) VALUES ($1, $2, $3, $4)`,
        [(analysis.body as { offerId: string }).offerId, id, org.users.staffNord.id, `${canary} conviendrait`],
      );
    } finally {
      await seed.end();
    }

    // Outcomes: a job found alone at an employer named after the person, its M+1 checkpoint answered.
    const placement = await call('post', '/placements', {
      beneficiaryId: id,
      employerName: `Entreprise ${canary}`,
      foundBy: 'self',
      contractType: 'cdd',
      contractMonths: 6,
      weeklyHours: 35,
      startDate: addDays(today, -35),
    }).expect(201);
    const m1 = (placement.body as { checkpoints: Array<{ id: string; milestone: string }> }).checkpoints.find(
      (checkpoint) => checkpoint.milestone === 'm1',
    )!;
    // The worker turns the due checkpoint into a notification naming the employer.
    await eventually(
      'checkpoint notification',
      async () => {
        const list = await call('get', '/notifications').expect(200);
        return (list.body as { items: Array<{ subjectId: string }> }).items.find((item) => item.subjectId === m1.id);
      },
      30_000,
    );
    await call('post', `/follow-ups/${m1.id}/answer`, {
      inJob: true,
      employerView: `satisfait de ${canary}`,
      note: `${canary} va bien`,
    }).expect(200);

    const exported = await call('get', `/beneficiaries/${id}/export`).expect(200);
    expect(JSON.stringify(exported.body)).toContain(canary);
    // The retention job runs through the queue in the worker (its data and result stay in Redis).
    const queue = new Queue(QUEUES.coaching, {
      connection: { url: context.config.redis.url.toString() },
      prefix: context.env.QUEUE_PREFIX,
    });
    const events = new QueueEvents(QUEUES.coaching, {
      connection: { url: context.config.redis.url.toString() },
      prefix: context.env.QUEUE_PREFIX,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add('retention', { apply: false });
      await job.waitUntilFinished(events, 30_000);
    } finally {
      await events.close();
      await queue.close();
    }
    // The checks can fail: before erasure the canary is in every context's tables and in files.
    expect((await tablesContaining(canary)).sort()).toEqual(
      expect.arrayContaining([
        'beneficiary',
        'beneficiary_assignment',
        'barrier',
        'health_note',
        'cer',
        'coaching_event',
        'diagnostic',
        'introduction',
        'introduction_event',
        'candidate_request',
        'placement',
        'follow_up',
        'user_notification',
      ]),
    );
    // The e-mails: the card to the employer and the person's space link.
    expect(
      (await filesContaining(canary)).map((file) => path.relative(context.dataDir, file).split(path.sep)[0]),
    ).toEqual(['mail-outbox', 'mail-outbox']);
    const photosBefore = await filesUnder(path.join(context.dataDir, 'photos'));
    expect(photosBefore).toHaveLength(1);

    await request(url)
      .post(`/beneficiaries/${id}/erasure`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .expect(403);
    await request(url)
      .post(`/beneficiaries/${id}/erasure`)
      .auth(org.users.managerNord.accessToken, { type: 'bearer' })
      .expect(200);
    await call('get', `/beneficiaries/${id}`).expect(404);
    // The card stops at once (the consent went with coaching's erasure)...
    await request(url).get(cardPath).expect(410);
    // ...and the other contexts erase theirs from the event, in the worker.
    const client0 = new pg.Client({ connectionString: context.config.database.url.toString() });
    await client0.connect();
    try {
      await eventually(
        'erasure event handled by every context',
        async () => {
          const rows = await client0.query<{ handled_by: string[] }>(
            'SELECT handled_by FROM beneficiary_erased_event WHERE beneficiary_id = $1 AND completed_at IS NOT NULL',
            [id],
          );
          return rows.rows[0];
        },
        30_000,
      );
    } finally {
      await client0.end();
    }

    expect(await tablesContaining(canary)).toEqual([]);
    expect(await filesContaining(canary)).toEqual([]);
    expect(await filesUnder(path.join(context.dataDir, 'photos'))).toEqual([]);
    expect(await tablesContaining('06 11 22 33 44')).toEqual([]);
    expect(await tablesContaining('1985-04-02')).toEqual([]);
    const client = new pg.Client({ connectionString: context.config.database.url.toString() });
    await client.connect();
    const kept = await client.query<{ status: string; structure_id: string; orientation_date: string }>(
      `SELECT status, structure_id, to_char(orientation_date, 'YYYY-MM-DD') AS orientation_date FROM beneficiary WHERE id = $1`,
      [id],
    );
    const counts = await client.query<{
      events: string;
      barriers: string;
      cers: string;
      introductions: string;
      placements: string;
      answered: string;
    }>(
      `SELECT (SELECT count(*) FROM coaching_event WHERE beneficiary_id = $1) AS events,
              (SELECT count(*) FROM barrier WHERE beneficiary_id = $1) AS barriers,
              (SELECT count(*) FROM cer WHERE beneficiary_id = $1) AS cers,
              (SELECT count(*) FROM introduction WHERE beneficiary_id = $1 AND status = 'interview') AS introductions,
              (SELECT count(*) FROM placement WHERE beneficiary_id = $1 AND contract_type = 'cdd') AS placements,
              (SELECT count(*) FROM follow_up WHERE beneficiary_id = $1 AND in_job) AS answered`,
      [id],
    );
    await client.end();
    expect(kept.rows[0]).toEqual({
      status: 'in_coaching',
      structure_id: org.structures.lille,
      orientation_date: addDays(today, -40),
    });
    expect(counts.rows[0]).toEqual({
      events: '1',
      barriers: '2',
      cers: '1',
      introductions: '1',
      placements: '1',
      answered: '1',
    });

    const meili = createMeiliClient(new URL(context.env.MEILI_URL), context.env.MEILI_MASTER_KEY);
    const indexes = await meili.getIndexes({ limit: 1000 });
    for (const index of indexes.results.filter((entry) => entry.uid.startsWith(context.env.MEILI_INDEX_PREFIX)))
      expect((await meili.index(index.uid).search(canary)).hits).toEqual([]);
    expect(await redisContaining(canary)).toEqual([]);
    expect(api.output().length).toBeGreaterThan(1000);
    expect(api.output().toLowerCase()).not.toContain(canary.toLowerCase());
    expect(worker.output().toLowerCase()).not.toContain(canary.toLowerCase());
  });
});
