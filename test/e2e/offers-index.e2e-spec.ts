import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  awaitTask,
  createMeiliClient,
  createProcessLogger,
  startMeilisearch,
  type EmbeddedMeilisearch,
} from '@passerelle/core';
import { IngestionModule } from '@passerelle/ingestion';
import { MatchingModule, ReconcileOffersIndex, ReindexOffers } from '@passerelle/matching';
import { PostOffer } from '@passerelle/offers';
import {
  createTestContext,
  eventually,
  spawnBuilt,
  startAppContext,
  type SpawnedProcess,
  type TestContext,
} from '@passerelle/testing';

describe('offers index: Postgres changes reach Meilisearch, and survive Meilisearch being down', () => {
  let context: TestContext;
  let meili: EmbeddedMeilisearch;
  let app: INestApplicationContext;
  let worker: SpawnedProcess;
  let db: DataSource;
  const author = { userId: '', structureId: '' };

  const search = async (q: string): Promise<string[]> => {
    const client = createMeiliClient(meili.url, meili.masterKey);
    const result = await client.index(`${context.config.meilisearch.indexPrefix}offers`).search(q, { limit: 50 });
    return result.hits.map((hit) => String(hit.id));
  };
  const post = (title: string) =>
    app.get(PostOffer).execute(author, {
      title,
      description: `Offre de test : ${title}.`,
      location: 'Lille (59000)',
      contractType: 'CDI',
    });

  beforeAll(async () => {
    const base = await createTestContext({ referential: true });
    meili = await startMeilisearch(path.join(base.dataDir, 'meili-own'), createProcessLogger('silent', 'test'), {
      maxRestarts: 0,
    });
    context = {
      ...base,
      env: { ...base.env, MEILI_URL: meili.url.toString(), MEILI_MASTER_KEY: meili.masterKey },
    };
    const { loadConfig } = await import('@passerelle/core');
    const config = loadConfig(context.env) as TestContext['config'];
    context = { ...context, config };
    app = await startAppContext(config, [IngestionModule, MatchingModule]);
    db = app.get(DataSource);
    const [structure] = await db.query<Array<{ id: string }>>(
      `INSERT INTO structure (name, kind) VALUES ('Plateforme', 'regional_platform') RETURNING id`,
    );
    const [user] = await db.query<Array<{ id: string }>>(
      `INSERT INTO app_user (email, display_name, structure_id, roles) VALUES ('staff@test.fr', 'Staff', $1, '{platform_staff}') RETURNING id`,
      [structure.id],
    );
    Object.assign(author, { userId: user.id, structureId: structure.id });
    worker = spawnBuilt('apps/worker/src/main.js', [], { ...context.env, LOG_LEVEL: 'info' });
    await eventually('worker started', () => (worker.output().includes('worker started') ? true : undefined), 30_000);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await app?.close();
    await meili?.process.stop();
    await context?.cleanup();
  });

  it('an offer created, changed and closed in Postgres is searchable, updated and gone (bounded wait)', async () => {
    const offer = await post('Soudeur tuyauteur zinzolin');
    await eventually(
      'created offer searchable',
      async () => ((await search('zinzolin')).includes(offer.id) ? true : undefined),
      30_000,
      100,
    );

    await db.query(`UPDATE offer SET title = 'Soudeur tuyauteur amarante', content_hash = 'changed' WHERE id = $1`, [
      offer.id,
    ]);
    await db.query('INSERT INTO offer_outbox (offer_id) VALUES ($1)', [offer.id]);
    await eventually(
      'changed offer searchable',
      async () => ((await search('amarante')).includes(offer.id) ? true : undefined),
      30_000,
      100,
    );

    await db.query(`UPDATE offer SET status = 'closed', closed_reason = 'manual' WHERE id = $1`, [offer.id]);
    await db.query('INSERT INTO offer_outbox (offer_id) VALUES ($1)', [offer.id]);
    await eventually(
      'closed offer gone',
      async () => (!(await search('amarante')).includes(offer.id) ? true : undefined),
      30_000,
      100,
    );
  });

  it('loses nothing while Meilisearch is down and catches up when it is back', async () => {
    await meili.process.stop();
    const offers = [
      await post('Carreleur vermillon'),
      await post('Plaquiste vermillon'),
      await post('Couvreur vermillon'),
    ];
    // The worker keeps trying; the changes wait in the outbox.
    await eventually(
      'outbox kept',
      async () => {
        const [{ n }] = await db.query<Array<{ n: string }>>(
          'SELECT count(*) AS n FROM offer_outbox WHERE offer_id = ANY($1)',
          [offers.map((o) => o.id)],
        );
        return Number(n) === 3 ? true : undefined;
      },
      30_000,
    );
    await meili.process.start();
    await eventually(
      'index caught up',
      async () => {
        const found = await search('vermillon').catch((): string[] => []);
        return offers.every((offer) => found.includes(offer.id)) ? true : undefined;
      },
      20_000,
      200,
    );
  });

  it('reindexes into a new index and swaps it in; reconcile finds and repairs drift', async () => {
    const report = await app.get(ReindexOffers).execute();
    const [{ n }] = await db.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM offer WHERE status = 'open' AND duplicate_of IS NULL`,
    );
    expect(report.documents).toBe(Number(n));
    expect(await app.get(ReconcileOffersIndex).execute(false)).toMatchObject({ missing: 0, stale: 0, extra: 0 });

    const client = createMeiliClient(meili.url, meili.masterKey);
    const index = client.index(`${context.config.meilisearch.indexPrefix}offers`);
    const victim = (await search('vermillon'))[0];
    await awaitTask(client, index.deleteDocuments([victim]), 10_000);
    await awaitTask(
      client,
      index.addDocuments([{ id: 'ghost-offer', title: 'fantôme', _vectors: { skills: null } }]),
      10_000,
    );
    expect(await app.get(ReconcileOffersIndex).execute(true)).toMatchObject({ missing: 1, extra: 1, repaired: true });
    expect(await app.get(ReconcileOffersIndex).execute(false)).toMatchObject({ missing: 0, stale: 0, extra: 0 });
  });
});
