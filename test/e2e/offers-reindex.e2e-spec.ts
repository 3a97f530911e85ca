import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { IngestionModule } from '@passerelle/ingestion';
import {
  MatchingModule,
  OfferDocuments,
  OfferIndex,
  ReindexOffers,
  SyncOffersIndex,
  type OfferDocument,
} from '@passerelle/matching';
import { PostOffer } from '@passerelle/offers';
import { createTestContext, startAppContext, type TestContext } from '@passerelle/testing';

const TITLES = [
  'Agent de propreté',
  'Cariste en entrepôt',
  'Aide-soignant de nuit',
  'Serveur en brasserie le week-end',
  'Maçon coffreur',
  'Préparateur de commandes',
  'Assistant comptable',
  'Électricien du bâtiment',
  'Boulanger en horaires décalés',
  'Plombier chauffagiste',
  'Vendeur en magasin de bricolage',
];

describe('offers reindex: the same documents as the outbox gives, and a failed write keeps the live index', () => {
  let context: TestContext;
  let app: INestApplicationContext;
  let meili: Meilisearch;
  let uid: string;

  /** Every document of an index with its vector, by id (what a search can see). */
  const contents = async (indexUid: string): Promise<Array<Record<string, unknown>>> => {
    const { results } = await meili.index(indexUid).getDocuments({ limit: 1000, retrieveVectors: true });
    return [...results].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    app = await startAppContext(context.config, [IngestionModule, MatchingModule]);
    meili = app.get(Meilisearch);
    const db = app.get(DataSource);
    const [structure] = await db.query<Array<{ id: string }>>(
      `INSERT INTO structure (name, kind) VALUES ('Plateforme', 'regional_platform') RETURNING id`,
    );
    const [user] = await db.query<Array<{ id: string }>>(
      `INSERT INTO app_user (email, display_name, structure_id, roles) VALUES ('staff@test.fr', 'Staff', $1, '{platform_staff}') RETURNING id`,
      [structure.id],
    );
    const author = { userId: user.id, structureId: structure.id };
    for (const title of TITLES)
      await app.get(PostOffer).execute(author, {
        title,
        description: `Offre de test : ${title}. Travail en équipe, port de charges.`,
        location: 'Lille (59000)',
        contractType: 'CDI',
      });
    const sync = app.get(SyncOffersIndex);
    uid = sync.uid;
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await app?.close();
    await context?.cleanup();
  });

  it('rebuilds page by page into exactly what the outbox sync indexed, and counts its pages', async () => {
    const synced = await contents(uid);
    expect(synced).toHaveLength(TITLES.length);

    // A first page of one, then pages of three: several pages in flight at once, applied in order.
    const progress: number[] = [];
    const report = await app.get(OfferIndex).rebuild(app.get(OfferDocuments).all(3, 1), (n) => progress.push(n));
    expect(report.documents).toBe(TITLES.length);
    expect(report.phases.pages).toBe(5);
    expect(progress).toEqual([1, 4, 7, 10, 11]);
    expect(await contents(uid)).toEqual(synced);

    // The use case, with its own page size, gives the same again.
    const reindexed = await app.get(ReindexOffers).execute();
    expect(reindexed.documents).toBe(TITLES.length);
    expect(await contents(uid)).toEqual(synced);
  });

  it('fails loudly when Meilisearch refuses a page, and leaves the live index as it was', async () => {
    const before = await contents(uid);
    const documents = (await app.get(OfferDocuments).forIds(before.map((document) => String(document.id)))).upserts;
    async function* pages(): AsyncGenerator<OfferDocument[]> {
      yield await Promise.resolve(documents.slice(0, 4));
      // A vector of the wrong size: Meilisearch accepts the request and fails the task.
      yield [{ ...documents[4], _vectors: { skills: [0.5, 0.5] } }];
      yield documents.slice(5);
    }
    await expect(app.get(OfferIndex).rebuild(pages())).rejects.toThrow(/failed/);
    expect(await contents(uid)).toEqual(before);
    // The half-built index is dropped.
    const { results } = await meili.getIndexes({ limit: 1000 });
    expect(results.map((index) => index.uid)).not.toContain(`${uid}_next`);
  });
});
