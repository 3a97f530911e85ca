import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { IngestionModule, ManageSources, RunIngestion } from '@passerelle/ingestion';
import { LEARNING_MAX_AGE_MS, LEARNING_MIN_OFFERS, OccupationLearning } from '@passerelle/offers';
import { ReferentialIndex } from '@passerelle/referential';
import { createTestContext, spawnBuilt, startAppContext, type TestContext } from '@passerelle/testing';

// Synthetic offers only (no real data): a board whose cards carry no ROME code, and a coding board
// (as France Travail's offers are) whose cards carry one.
const PROBE = {
  title: 'Agent de quai H/F',
  description:
    'Vous chargez et déchargez les camions, contrôlez les colis reçus et préparez les expéditions sur le quai ' +
    'de notre plateforme de messagerie.',
};
const TITLES = ['Agent de quai', 'Agent de quai H/F', 'Agent de quai (F/H)', 'Agent de quai polyvalent'];
const SENTENCES = [
  'Vous chargez et déchargez les camions.',
  'Vous contrôlez les colis reçus et signalez les avaries.',
  'Vous préparez les expéditions sur le quai.',
  'Vous scannez les colis et tenez les bordereaux à jour.',
  'Vous rangez le quai et respectez les consignes de sécurité.',
  'Travail en équipe du matin, plateforme de messagerie.',
];
const TOWNS = ['59000 Lille', '59100 Roubaix', '59200 Tourcoing', '62000 Arras', '80000 Amiens'];
const CODED = LEARNING_MIN_OFFERS + 20;

const card = (ref: string, title: string, where: string, text: string, rome?: string): string =>
  `<article class="card"><h2>${title}</h2><p class="ref">${ref}</p><p class="who">Transports ${ref}</p>` +
  `<p class="where">${where}</p>` +
  `<p class="contract">CDI</p>${rome ? `<p class="rome">${rome}</p>` : ''}<div class="text">${text}</div></article>`;

describe('the occupation read the way the stored coded offers were coded', () => {
  let context: TestContext;
  let server: Server;
  let app: INestApplicationContext;
  let db: DataSource;
  /** What the referential alone reads for the probe, and the code the coding board gives such offers. */
  let referentialCode: string;
  let codedAs: string;

  const board = (name: string, path: string, base: string, coded: boolean) => ({
    name,
    label: name,
    kind: 'html_board' as const,
    config: {
      listing: { url: `${base}${path}`, offerCard: 'article.card' },
      offer: {
        externalId: { selector: '.ref' },
        fields: {
          title: { selector: 'h2' },
          employerName: { selector: '.who' },
          location: { selector: '.where' },
          contractType: { selector: '.contract' },
          description: { selector: '.text' },
          ...(coded ? { romeCode: { selector: '.rome' } } : {}),
        },
      },
    },
    scheduleMinutes: null,
    rateLimitPerSecond: 50,
  });
  interface Read {
    rome_code: string;
    rome_inferred: boolean;
    rome_read_from: string | null;
    rome_similar_offers: number | null;
    rome_agreeing_offers: number | null;
  }
  const probe = async (): Promise<Read> => {
    const rows: Read[] = await db.query(
      `SELECT rome_code, rome_inferred, rome_read_from, rome_similar_offers, rome_agreeing_offers
         FROM offer WHERE source = 'annonces'`,
    );
    return rows[0];
  };

  beforeAll(async () => {
    const pages: Record<string, string> = {};
    server = createServer((req, res) => {
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    context = await createTestContext({
      referential: true,
      env: { FETCH_ALLOWED_HOSTS: `127.0.0.1:${port}`, OCCUPATION_LEARNING: 'true' },
    });
    app = await startAppContext(context.config, [IngestionModule]);
    db = app.get(DataSource);

    // The coding board codes such offers as the referential's second reading of the probe: a
    // choice the referential alone would not make, as France Travail's recruiters make theirs.
    const index = app.get(ReferentialIndex);
    await index.load();
    const alone = index.classifyOccupation(PROBE.title, PROBE.description);
    expect(alone?.otherReadings.length).toBeGreaterThan(0);
    referentialCode = alone!.codeRome;
    codedAs = alone!.otherReadings[0].codeRome;

    pages['/annonces'] = `<html><body>${card('probe', PROBE.title, '59000 Lille', PROBE.description)}</body></html>`;
    pages['/codees'] = `<html><body>${Array.from({ length: CODED }, (_, i) =>
      card(
        // Each card its own employer and wording, so none is linked as a copy of another.
        `c${i}`,
        TITLES[i % TITLES.length],
        TOWNS[i % TOWNS.length],
        `${SENTENCES.filter((_, s) => (i >> s) % 2 === 0 || s === i % SENTENCES.length).join(' ')} Référence ${i}.`,
        codedAs,
      ),
    ).join('')}</body></html>`;
    const manage = app.get(ManageSources);
    await manage.upsert(board('annonces', '/annonces', base, false));
    await manage.upsert(board('codees', '/codees', base, true));
  });

  afterAll(async () => {
    await app?.close();
    server?.close();
    await context?.cleanup();
  });

  it('with too few coded offers stored, the referential reads alone', async () => {
    const summary = await app.get(RunIngestion).execute('annonces', { trigger: 'manual' });
    expect(summary).toMatchObject({ status: 'succeeded', created: 1 });
    expect(app.get(OccupationLearning).lastReport).toMatchObject({ offers: 0, inUse: false });
    expect(await probe()).toEqual({
      rome_code: referentialCode,
      rome_inferred: true,
      rome_read_from: 'referential',
      rome_similar_offers: null,
      rome_agreeing_offers: null,
    });
  });

  it('learns from the stored coded offers, and reparse reads the uncoded offer the way they were coded', async () => {
    const coded = await app.get(RunIngestion).execute('codees', { trigger: 'manual' });
    expect(coded).toMatchObject({ status: 'succeeded', created: CODED, rejected: 0 });
    const [{ count }]: Array<{ count: number }> = await db.query(
      `SELECT count(*)::int AS count FROM offer WHERE source = 'codees' AND rome_code = $1 AND NOT rome_inferred
         AND duplicate_of IS NULL`,
      [codedAs],
    );
    expect(count).toBe(CODED);

    const progress: number[] = [];
    const report = await app.get(OccupationLearning).rebuild({ onProgress: (read) => progress.push(read) });
    expect(report).toMatchObject({ offers: CODED, codes: 1, inUse: true });
    expect(report.approxBytes).toBeGreaterThan(0);
    expect(progress).toEqual([]);

    const replay = await app.get(RunIngestion).execute('annonces', { trigger: 'reparse' });
    expect(replay).toMatchObject({ status: 'succeeded', pagesFetched: 0, updated: 1 });
    // Stored with where it came from: the similar coded offers, how many voted and how many agree.
    const read = await probe();
    expect(read).toMatchObject({ rome_code: codedAs, rome_inferred: true, rome_read_from: 'coded_offers' });
    expect(read.rome_similar_offers).toBeGreaterThan(0);
    expect(read.rome_agreeing_offers).toBe(read.rome_similar_offers);
    // The coded offers themselves keep their own code, given by their source.
    const [{ others }]: Array<{ others: number }> = await db.query(
      `SELECT count(*)::int AS others FROM offer WHERE source = 'codees'
         AND (rome_code <> $1 OR rome_read_from IS NOT NULL)`,
      [codedAs],
    );
    expect(others).toBe(0);
  });

  it("rebuilds a reader older than six hours on the app's clock, in the background", async () => {
    const learning = app.get(OccupationLearning);
    const builtAt = learning.lastReport!.builtAt;
    await learning.ensureBuilt();
    expect(learning.pendingBuild).toBeNull();
    expect(learning.lastReport!.builtAt).toBe(builtAt);
    const later = new Date(Date.parse(builtAt) + LEARNING_MAX_AGE_MS + 60_000);
    app.get(Clock).set(later);
    try {
      await learning.ensureBuilt();
      // Started by ensureBuilt, not waited for: the old reader still serves.
      const pending = learning.pendingBuild;
      expect(pending).not.toBeNull();
      expect(learning.lastReport!.builtAt).toBe(builtAt);
      const report = await pending!;
      expect(Date.parse(report.builtAt)).toBeGreaterThanOrEqual(later.getTime());
      expect(report).toMatchObject({ offers: CODED, inUse: true });
    } finally {
      app.get(Clock).reset();
    }
  });

  it('`cli learn-occupations` builds the reader from the database and reports its size', async () => {
    const cli = spawnBuilt('apps/cli/src/main.js', ['learn-occupations', '--max', '100'], context.env);
    expect(await cli.exited).toBe(0);
    const json = cli
      .output()
      .split('\n')
      .find((line) => line.startsWith('{'));
    // Capped at 100 of the stored coded offers: below the minimum, so the referential would read alone.
    expect(JSON.parse(json!)).toMatchObject({ offers: 100, codes: 1, inUse: false });
  });
});
