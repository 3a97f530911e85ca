import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { IngestionModule, ManageSources, ReadRuns, RunIngestion, type RunSummary } from '@passerelle/ingestion';
import { createTestContext, eventually, startAppContext, type TestContext } from '@passerelle/testing';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';

interface OfferRow {
  id: string;
  source: string;
  external_id: string;
  title: string;
  description: string;
  status: string;
  closed_reason: string | null;
  duplicate_of: string | null;
  commune_insee: string;
}

describe('ingestion: full runs against the imitated platforms', () => {
  let context: TestContext;
  let demo: DemoSources;
  let app: INestApplicationContext;
  let db: DataSource;
  let ingestion: RunIngestion;

  const run = (source: string): Promise<RunSummary> =>
    ingestion.execute(source, { trigger: 'manual', backoffScale: 0.01 });
  const offersOf = (source: string): Promise<OfferRow[]> =>
    db.query(
      `SELECT id, source, external_id, title, description, status, closed_reason, duplicate_of, commune_insee
       FROM offer WHERE source = $1 ORDER BY external_id`,
      [source],
    );
  const rejectionsOf = async (
    runId: string,
  ): Promise<Array<{ external_id: string | null; url: string | null; field: string | null; reason: string }>> =>
    db.query('SELECT external_id, url, field, reason FROM ingestion_rejection WHERE run_id = $1 ORDER BY url', [runId]);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({
      seed: 42,
      crawlDelaySeconds: 0,
      nordemploi: { count: 50, pageSize: 20 },
      jobConnexion: { count: 40, pageSize: 24 },
      franceTravail: { count: 700, region: 'mixed' },
    });
    app = await startAppContext(context.config, [IngestionModule]);
    db = app.get(DataSource);
    ingestion = app.get(RunIngestion);
    const manage = app.get(ManageSources);
    for (const input of demoSourceInputs(demo))
      await manage.upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: 50 });
  });

  afterAll(async () => {
    await app?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('France Travail API: several pages per département, a 429 and an expired token midway, every offer once', async () => {
    const control = demo.control.franceTravail;
    control.throttleSearchCall(3, { retryAfterSeconds: 1 });
    const running = run('france-travail-demo');
    // Once the run holds a token, make it die after two more calls: the run must renew it.
    await eventually('a token was issued', () => (control.tokensIssued >= 1 ? true : undefined), 10_000, 5);
    control.expireTokensAfterCalls(2);
    const summary = await running;

    expect(summary).toMatchObject({
      status: 'succeeded',
      complete: true,
      rejected: 0,
      updated: 0,
      unchanged: 0,
      closed: 0,
    });
    expect(summary.created).toBe(demo.fixtures.franceTravail.total);
    expect(control.tokensIssued).toBe(2);
    const offers = await offersOf('france-travail-demo');
    expect(offers.map((offer) => offer.external_id)).toEqual([...demo.fixtures.franceTravail.ids].sort());
    const sample = demo.catalog.offer(demo.fixtures.franceTravail.ids[0]);
    expect(offers.find((offer) => offer.external_id === demo.fixtures.franceTravail.ids[0])).toMatchObject({
      title: sample?.title,
      commune_insee: sample?.commune.inseeCode,
    });
  });

  it('Nordemploi board: pagination, broken pages rejected with their reasons, the rest stored', async () => {
    const fixtures = demo.fixtures.nordemploi;
    const summary = await run('nordemploi');
    expect(summary.status).toBe('succeeded');
    expect(summary.pagesFetched).toBe(fixtures.pageCount);
    const rejections = await rejectionsOf(summary.runId);
    const expected: Array<{ id: string; field: string; reason?: string }> = [
      ...fixtures.missingTitle.map((id) => ({ id, field: 'title' })),
      ...fixtures.notFound.map((id) => ({ id, field: 'page', reason: 'HTTP 404' })),
    ];
    expect(rejections).toHaveLength(expected.length);
    for (const { id, field, reason } of expected) {
      const rejection = rejections.find((item) => item.url?.endsWith(`/${id}`));
      expect(rejection).toMatchObject({ field, ...(reason ? { reason } : {}) });
    }
    const stored = (await offersOf('nordemploi')).map((offer) => offer.external_id).sort();
    // A page cut off in its description still has its title, employer and place: it is kept.
    expect(stored).toEqual([...fixtures.wellFormed, ...fixtures.malformed].sort());
    expect(summary.created).toBe(stored.length);
  });

  it('Job Connexion: windows-1252 pages (declared in the header or only in <meta>) decode to the right text', async () => {
    const fixtures = demo.fixtures.jobConnexion;
    const summary = await run('job-connexion');
    expect(summary).toMatchObject({ status: 'succeeded', rejected: 0, created: fixtures.total });
    const offers = await offersOf('job-connexion');
    for (const id of [...fixtures.windows1252.declaredInHeader, ...fixtures.windows1252.declaredInMetaOnly]) {
      const offer = offers.find((item) => item.external_id === id);
      expect(offer?.title).toBe(demo.catalog.offer(id)?.title);
      expect(offer?.description).not.toMatch(/[\u0080-\u009f\ufffd]|Ã©/);
    }
  });

  it('links every cross-posted copy to one canonical offer, and never two different jobs', async () => {
    const all: OfferRow[] = await db.query('SELECT id, source, external_id, duplicate_of FROM offer');
    const byExternal = new Map(all.map((offer) => [offer.external_id, offer]));
    expect(demo.fixtures.duplicates.length).toBeGreaterThan(0);
    for (const pair of demo.fixtures.duplicates) {
      const original = byExternal.get(pair.original.id);
      const copy = byExternal.get(pair.copy.id);
      if (!original || !copy) continue; // a broken page of the pair was rejected
      const linked = copy.duplicate_of === original.id || original.duplicate_of === copy.id;
      expect({ pair, linked }).toEqual({ pair, linked: true });
    }
    const linkedCount = all.filter((offer) => offer.duplicate_of !== null).length;
    expect(linkedCount).toBeLessThanOrEqual(demo.fixtures.duplicates.length);
  });

  it('a second run changes nothing', async () => {
    for (const source of ['france-travail-demo', 'nordemploi', 'job-connexion']) {
      const before = await offersOf(source);
      const summary = await run(source);
      expect(summary).toMatchObject({
        source,
        status: 'succeeded',
        created: 0,
        updated: 0,
        closed: 0,
        unchanged: before.length,
      });
    }
  });

  it('a run after the platform drops an offer closes it, and keeps it for history', async () => {
    const dropped = demo.fixtures.nordemploi.wellFormed[0];
    demo.control.dropOffer(dropped);
    const summary = await run('nordemploi');
    expect(summary).toMatchObject({ status: 'succeeded', closed: 1, created: 0, updated: 0 });
    const offer = (await offersOf('nordemploi')).find((item) => item.external_id === dropped);
    expect(offer).toMatchObject({ status: 'closed', closed_reason: 'disappeared' });
    demo.control.restoreOffer(dropped);
    const back = await run('nordemploi');
    expect(back).toMatchObject({ updated: 1, closed: 0 });
  });

  it('a listing page that fails closes nothing (the run is partial)', async () => {
    demo.control.failNext('/nordemploi/offres', { status: 404 });
    const summary = await run('nordemploi');
    expect(summary).toMatchObject({ status: 'partial', complete: false, closed: 0 });
    expect((await offersOf('nordemploi')).filter((offer) => offer.status === 'open').length).toBeGreaterThan(0);
  });

  it('keeps the counts and rejections of each run readable', async () => {
    const runs = await app.get(ReadRuns).list({ limit: 50, offset: 0 });
    expect(runs.total).toBeGreaterThanOrEqual(9);
    expect(runs.items.every((item) => item.endedAt !== null && item.status !== 'running')).toBe(true);
    await sleep(0);
  });
});
