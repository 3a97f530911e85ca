import type { INestApplication } from '@nestjs/common';
import type { DemoSources } from '@passerelle/demo';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { SyncOffersIndex } from '@passerelle/matching';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';
import { type DemoPortfolio, seedDemoPortfolio } from '../../apps/cli/src/demo/demo-portfolio.js';

/**
 * The demo boards the browser journeys read: a few pages of each regional board and 400 France
 * Travail offers around the demo people (the Nord), as `npm start` shows them.
 */
export const JOURNEY_BOARDS = {
  seed: 7,
  crawlDelaySeconds: 0,
  nordemploi: { count: 10, pageSize: 10 },
  jobConnexion: { count: 5 },
  franceTravail: { count: 400, region: 'nord' },
} as const;

/**
 * The demo boards registered as `npm start` registers them (no schedule, a fast rate for tests),
 * and a run of each source named: what the browser journeys start from.
 */
export async function ingestDemoBoards(
  app: INestApplication,
  sources: DemoSources,
  run: readonly string[] = ['nordemploi', 'job-connexion', 'france-travail-demo'],
): Promise<void> {
  const manage = app.get(ManageSources);
  for (const input of demoSourceInputs(sources))
    await manage.upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: 50 });
  for (const source of run) await app.get(RunIngestion).execute(source, { trigger: 'manual' });
}

/** The offers' outbox applied to the search index now (what the worker does every few seconds). */
export async function syncOffersIndex(app: INestApplication): Promise<void> {
  const sync = app.get(SyncOffersIndex);
  await sync.prepare();
  await sync.execute();
}

/** The demo structure, accounts and people (`npm start`'s demo mode); fails if already there. */
export async function seedDemoPeople(app: INestApplication): Promise<DemoPortfolio> {
  const portfolio = await seedDemoPortfolio(app);
  if (!portfolio) throw new Error('the demo portfolio was not written');
  return portfolio;
}
