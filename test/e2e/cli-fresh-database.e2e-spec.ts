import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { IngestionModule, ReadRuns, RunIngestion, type RunSummary } from '@passerelle/ingestion';
import { createTestContext, spawnBuilt, startAppContext, type TestContext } from '@passerelle/testing';

const PUBLISHED = 60;

describe('ingestion on a database whose reference data was never imported (start never run)', () => {
  let context: TestContext;
  let demo: DemoSources;
  let app: INestApplicationContext;
  let db: DataSource;
  /** What the API serves: the offers published there, and copies of other platforms' (cross-posting). */
  let served: number;

  const runInProcess = (): Promise<RunSummary> =>
    app.get(RunIngestion).execute('france-travail', { trigger: 'manual', backoffScale: 0.01 });
  const openOffers = async (): Promise<number> => {
    const [{ n }] = await db.query<[{ n: string }]>(
      `SELECT count(*) AS n FROM offer WHERE source = 'france-travail' AND status = 'open'`,
    );
    return Number(n);
  };

  beforeAll(async () => {
    demo = await startDemoSources({
      seed: 7,
      crawlDelaySeconds: 0,
      nordemploi: { count: 1 },
      jobConnexion: { count: 1 },
      franceTravail: { count: PUBLISHED, region: 'mixed' },
    });
    served = demo.fixtures.franceTravail.total;
    // France Travail configured by environment, as in the report (`ingest --source france-travail`).
    context = await createTestContext({
      env: {
        FRANCE_TRAVAIL_API_URL: demo.franceTravail.apiUrl,
        FRANCE_TRAVAIL_TOKEN_URL: demo.franceTravail.tokenUrl,
        FRANCE_TRAVAIL_CLIENT_ID: demo.franceTravail.clientId,
        FRANCE_TRAVAIL_CLIENT_SECRET: demo.franceTravail.clientSecret,
        FRANCE_TRAVAIL_DEPARTEMENTS: '59,62,67,68',
      },
    });
    app = await startAppContext(context.config, [IngestionModule]);
    db = app.get(DataSource);
    const [{ n }] = await db.query<[{ n: string }]>('SELECT count(*) AS n FROM ref_commune');
    expect(Number(n)).toBe(0);
  });

  afterAll(async () => {
    await app?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('a run whose every offer is an unknown place is failed with that reason and a hint, not succeeded', async () => {
    const summary = await runInProcess();
    expect(summary).toMatchObject({ status: 'failed', offersSeen: served, created: 0, rejected: served });
    expect(summary.error).toMatch(
      new RegExp(
        `^${served} of ${served} offers rejected, ${served} for the same reason: location: unknown place \\(e\\.g\\. "unknown place: .+"\\); ` +
          'is the reference data \\(communes\\) imported\\? run: npm run cli -- seed$',
      ),
    );
    // What GET /sources/:id/runs shows.
    const stored = await app.get(ReadRuns).get(summary.runId);
    expect(stored).toMatchObject({ status: 'failed', error: summary.error, rejected: served });
  });

  it('cli ingest imports the reference data first, says so in one line, and stores every offer', async () => {
    const run = spawnBuilt('apps/cli/src/main.js', ['ingest', '--source', 'france-travail'], context.env);
    const code = await run.exited;
    const lines = run.output().trim().split('\n');
    expect(lines.filter((line) => line.includes('reference data'))).toEqual([
      expect.stringMatching(
        /^passerelle: the database had no reference data: imported ROME 4\.0 and communes \(\d+\.\d s\)$/,
      ),
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(lines.find((line) => line.startsWith('{'))!) as RunSummary;
    expect(summary).toMatchObject({ status: 'succeeded', created: served, rejected: 0, error: null });
    expect(await openOffers()).toBe(served);
  });

  it('a failed run closes none of the offers already stored', async () => {
    // This process loaded the reference data while it was empty and keeps that copy (other
    // processes reload only when they restart): the worker that started before the import.
    const summary = await runInProcess();
    expect(summary).toMatchObject({ status: 'failed', closed: 0, created: 0, rejected: served });
    expect(await openOffers()).toBe(served);
  });
});
