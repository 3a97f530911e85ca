import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { QUEUES, redisOptions } from '@passerelle/core';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { ManageSources } from '@passerelle/ingestion';
import {
  createTestContext,
  eventually,
  seedOrganisation,
  spawnBuilt,
  startApi,
  type RunningApi,
  type SpawnedProcess,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { acceptedIntroduction, type AcceptedIntroduction, personValidatedCard } from '../support/card-link-fixture.js';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';

/**
 * Worker processes (built, spawned) sharing one PostgreSQL and Redis: a worker killed mid-job
 * leaves its job to another, and a reminder or checkpoint delivered to both fires once. The API
 * runs in-process, only to build the fixtures; it handles no job.
 */
describe('worker processes sharing one PostgreSQL and Redis', () => {
  let context: TestContext;
  let demo: DemoSources;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  const queues: Queue[] = [];
  const workers: SpawnedProcess[] = [];
  let env: Record<string, string>;

  const queue = (name: string): Queue => {
    const created = new Queue(name, {
      connection: redisOptions(context.config.redis.url, 'queue'),
      prefix: context.config.redis.queuePrefix,
    });
    queues.push(created);
    return created;
  };

  const startWorker = async (): Promise<SpawnedProcess> => {
    const worker = spawnBuilt('apps/worker/src/main.js', [], env);
    workers.push(worker);
    await eventually(
      'worker started',
      () => (worker.output().includes('worker started') ? true : undefined),
      40_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${worker.output().slice(-2000)}`);
    });
    return worker;
  };

  const completed = async (from: Queue, ids: readonly string[], timeout = 60_000): Promise<void> => {
    await eventually(
      `jobs ${ids.join(', ')} completed`,
      async () => {
        const states = await Promise.all(ids.map(async (id) => (await from.getJob(id))?.getState()));
        if (states.some((state) => state === 'failed')) throw new Error(`a job failed: ${states.join(', ')}`);
        return states.every((state) => state === 'completed') ? true : undefined;
      },
      timeout,
      250,
    );
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({ seed: 11, crawlDelaySeconds: 0 });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    // A slow run (over 150 offers at 3 requests a second): long enough to kill its worker midway.
    const nordemploi = demoSourceInputs(demo).find((source) => source.name === 'nordemploi');
    if (!nordemploi) throw new Error('no nordemploi demo source');
    await api.app
      .get(ManageSources)
      .upsert({ ...nordemploi, scheduleMinutes: null, rateLimitPerSecond: 3, maxConcurrency: 1 });
    env = { ...context.env, LOG_LEVEL: 'info', DEMO_MODE: 'false', WORKER_CONCURRENCY: '1' };
  }, 180_000);

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    for (const created of queues) await created.close();
    await api?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('finishes on another worker, once, the ingestion run of a worker killed midway', async () => {
    const ingest = queue(QUEUES.ingestSource);
    const first = await startWorker();
    demo.control.requests.reset();
    const job = await ingest.add('run', { source: 'nordemploi', trigger: 'manual' }, { jobId: 'killed-run' });
    const boardRequests = () =>
      demo.control.requests.entries().filter((entry) => entry.path.startsWith('/nordemploi/')).length;
    await eventually('the first worker crawling', () => (boardRequests() >= 5 ? true : undefined), 60_000, 200);
    // The second worker starts while the first holds the job: it is idle, the job is not its own.
    await startWorker();
    const running: Array<{ id: string }> = await db.query(
      `SELECT r.id FROM ingestion_run r JOIN ingestion_source s ON s.id = r.source_id
       WHERE s.name = 'nordemploi' AND r.status = 'running'`,
    );
    expect(running).toHaveLength(1);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(137);
    const killedAt = boardRequests();

    await completed(ingest, [job.id ?? ''], 200_000);
    const done = await ingest.getJob(job.id ?? '');
    // Taken over by the stalled-job check (not skipped as "in progress": the dead worker's lock went).
    expect(done?.returnvalue).toMatchObject({ status: 'succeeded' });
    expect(boardRequests()).toBeGreaterThan(killedAt);
    const runs: Array<{ id: string; status: string; error: string | null }> = await db.query(
      `SELECT r.id, r.status, r.error FROM ingestion_run r JOIN ingestion_source s ON s.id = r.source_id
       WHERE s.name = 'nordemploi' ORDER BY r.started_at`,
    );
    expect(runs.map((run) => run.status)).toEqual(['failed', 'succeeded']);
    expect(runs[0].id).toBe(running[0].id);
    expect(runs[0].error).toContain('interrupted');
    // Exactly once: each offer of the board stored once, all of them by the run that finished (the
    // killed one had not reached its first write: batches are of 500).
    const [offers] = await db.query<Array<{ total: number; distinct: number }>>(
      `SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct FROM offer WHERE source = 'nordemploi'`,
    );
    expect(offers.total).toBeGreaterThanOrEqual(150);
    expect(offers.distinct).toBe(offers.total);
    const summary = done?.returnvalue as { runId: string; created: number; updated: number; unchanged: number };
    expect(summary.runId).toBe(runs[1].id);
    expect(summary.created + summary.updated + summary.unchanged).toBe(offers.total);
  }, 300_000);

  describe('with two workers running', () => {
    let introduction: AcceptedIntroduction;

    beforeAll(async () => {
      // The killed worker's successor is still running: one more makes two.
      await startWorker();
      introduction = await acceptedIntroduction(api.url, org);
      await personValidatedCard(api.url, context.dataDir, org.users.coachLille, introduction);
    }, 120_000);

    it('reminds the mediator once, in the inbox and by e-mail, of a card left unanswered', async () => {
      const sent = await request(api.url)
        .post(`/introductions/${introduction.introductionId}/links`)
        .auth(org.users.staffNord.accessToken, { type: 'bearer' })
        .send({ contactId: introduction.contactId })
        .expect(201);
      expect((sent.body as { emailedTo: string }).emailedTo).toBe(introduction.contactEmail);
      const [link] = await db.query<Array<{ id: string }>>('SELECT id FROM card_link WHERE introduction_id = $1', [
        introduction.introductionId,
      ]);
      // The reminder is due in days; here it is delivered four times at once, as redeliveries would,
      // so that both workers handle it at the same moment.
      const mediation = queue(QUEUES.mediation);
      const ids = ['reminder-a', 'reminder-b', 'reminder-c', 'reminder-d'];
      await mediation.addBulk(
        ids.map((jobId) => ({
          name: 'employer-reminder',
          data: { introductionId: introduction.introductionId, linkId: link.id },
          opts: { jobId },
        })),
      );
      await completed(mediation, ids);
      const outcomes = await Promise.all(ids.map(async (id) => (await mediation.getJob(id))?.returnvalue as unknown));
      expect(outcomes).toEqual(ids.map(() => ({ outcome: 'reminded' })));
      const [notifications] = await db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM user_notification WHERE kind = 'employer_no_answer' AND subject_id = $1`,
        [introduction.introductionId],
      );
      expect(notifications.n).toBe(1);
      const outbox = path.join(context.dataDir, 'mail-outbox');
      const mails = await Promise.all(
        (await readdir(outbox)).map(
          async (name) =>
            JSON.parse(await readFile(path.join(outbox, name), 'utf8')) as { to: string; subject: string },
        ),
      );
      expect(
        mails.filter((mail) => mail.to === org.users.staffNord.email && mail.subject === 'Relance employeur à faire'),
      ).toHaveLength(1);
    }, 120_000);

    it('turns a due follow-up checkpoint into one task, whichever worker resyncs or delivers it', async () => {
      const [followUp] = await db.query<Array<{ id: string }>>(
        `INSERT INTO follow_up (beneficiary_id, kind, milestone, due_on, assignee_user_id)
         VALUES ($1, 'coaching_end', 'm1', $2, $3) RETURNING id`,
        [introduction.beneficiaryId, addDays(parisToday(), -1), org.users.coachLille.id],
      );
      // Both workers resync at once: each schedules the checkpoint's job, under its one id...
      const outcomes = queue(QUEUES.outcomes);
      await outcomes.addBulk([
        { name: 'resync', data: {}, opts: { jobId: 'resync-a' } },
        { name: 'resync', data: {}, opts: { jobId: 'resync-b' } },
      ]);
      await completed(outcomes, ['resync-a', 'resync-b']);
      // ...and the job is delivered twice more under other ids, as redeliveries would.
      await outcomes.addBulk([
        { name: 'checkpoint-due', data: { followUpId: followUp.id }, opts: { jobId: 'checkpoint-again-a' } },
        { name: 'checkpoint-due', data: { followUpId: followUp.id }, opts: { jobId: 'checkpoint-again-b' } },
      ]);
      await completed(outcomes, ['checkpoint-again-a', 'checkpoint-again-b', `checkpoint-${followUp.id}`]);
      const results = await Promise.all(
        ['checkpoint-again-a', 'checkpoint-again-b', `checkpoint-${followUp.id}`].map(
          async (id) => ((await outcomes.getJob(id))?.returnvalue as { outcome: string }).outcome,
        ),
      );
      expect(results.filter((outcome) => outcome === 'task_created')).toHaveLength(1);
      expect(results.filter((outcome) => outcome === 'already')).toHaveLength(2);
      const [task] = await db.query<Array<{ task_created_at: Date | null }>>(
        'SELECT task_created_at FROM follow_up WHERE id = $1',
        [followUp.id],
      );
      expect(task.task_created_at).not.toBeNull();
      const notified: Array<{ user_id: string }> = await db.query(
        `SELECT user_id FROM user_notification WHERE kind = 'follow_up_due' AND subject_id = $1`,
        [followUp.id],
      );
      expect(notified).toEqual([{ user_id: org.users.coachLille.id }]);
    }, 120_000);
  });
});
