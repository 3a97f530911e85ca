import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IngestionModule, ManageSources, RunIngestion } from '@passerelle/ingestion';
import { createTestContext, spawnBuilt, startAppContext, type TestContext } from '@passerelle/testing';

const DESCRIPTION =
  "<p>Au sein d'une équipe de cinq personnes, vous assurez le nettoyage des bureaux et des parties communes " +
  "d'un immeuble tertiaire. Vous utilisez une autolaveuse et respectez les protocoles d'hygiène.</p>";

/** A career site with no structured data (as the Cap emploi pages in the report) and a board of cards. */
function site(): Record<string, string> {
  const page = (title: string, facts: string): string =>
    `<!doctype html><html lang="fr"><head><title>${title} - Cap emploi</title></head><body>
    <header><nav><a href="/">Accueil</a> <a href="/offres">Offres</a></nav></header>
    <main><h1>${title}</h1><ul>${facts}</ul>${DESCRIPTION}</main><footer>Mentions légales</footer></body></html>`;
  return {
    '/offres': `<html><body><ul class="results">
      <li><a class="offer" href="/offres/1">1</a></li><li><a class="offer" href="/offres/2">2</a></li></ul></body></html>`,
    '/offres/1': page(
      "Agent d'entretien H/F",
      '<li>Entreprise : Net Plus Services</li><li>Lieu : 59000 Lille</li><li>Type de contrat : CDD</li>',
    ),
    '/offres/2': page(
      'Préparateur de commandes',
      '<li>Employeur : Logistique du Nord</li><li>Lieu : 59100 Roubaix</li><li>Contrat : Intérim</li>',
    ),
    '/cartes': `<html><body>${['Cariste', 'Magasinier', 'Soudeur']
      .map(
        (title, index) => `<article class="card"><h2><a href="/c/${index + 1}">${title}</a></h2>
        <p class="where">67000 Strasbourg</p><p class="contract">CDI</p><div class="text">${DESCRIPTION}</div></article>`,
      )
      .join('')}</body></html>`,
  };
}

describe('offer pages without structured data, boards of cards, and reparse', () => {
  let context: TestContext;
  let server: Server;
  let base: string;
  let app: INestApplicationContext;
  let db: DataSource;
  let requests = 0;

  const offers = (
    source: string,
  ): Promise<Array<{ external_id: string; title: string; employer_name: string | null }>> =>
    db.query('SELECT external_id, title, employer_name FROM offer WHERE source = $1 ORDER BY external_id', [source]);

  beforeAll(async () => {
    const pages = site();
    server = createServer((req, res) => {
      if (req.url !== '/robots.txt') requests += 1;
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await createTestContext({
      referential: true,
      env: { FETCH_ALLOWED_HOSTS: `127.0.0.1:${(server.address() as AddressInfo).port}` },
    });
    app = await startAppContext(context.config, [IngestionModule]);
    db = app.get(DataSource);
    const manage = app.get(ManageSources);
    await manage.upsert({
      name: 'cap-emploi',
      label: 'Cap emploi',
      kind: 'jsonld',
      config: { listing: { url: `${base}/offres`, offerLink: 'ul.results a.offer' } },
      scheduleMinutes: null,
      rateLimitPerSecond: 50,
    });
    await manage.upsert({
      name: 'cartes',
      label: 'Tableau de cartes',
      kind: 'html_board',
      config: {
        listing: { url: `${base}/cartes`, offerCard: 'article.card', offerLink: 'h2 a' },
        offer: {
          externalId: { fromUrl: '/c/(\\d+)$' },
          fields: {
            title: { selector: 'h2' },
            location: { selector: '.where' },
            contractType: { selector: '.contract' },
            description: { selector: '.text', html: true },
          },
        },
      },
      scheduleMinutes: null,
      rateLimitPerSecond: 50,
    });
  });

  afterAll(async () => {
    await app?.close();
    server?.close();
    await context?.cleanup();
  });

  it('a site whose offer pages carry no JSON-LD is read as text: title, employer, place, contract', async () => {
    const summary = await app.get(RunIngestion).execute('cap-emploi', { trigger: 'manual' });
    expect(summary).toMatchObject({ status: 'succeeded', created: 2, rejected: 0 });
    const rows: Array<Record<string, string>> = await db.query(
      `SELECT title, employer_name, postal_code, commune_name, contract_type, description FROM offer
       WHERE source = 'cap-emploi' ORDER BY title`,
    );
    expect(rows).toMatchObject([
      {
        title: "Agent d'entretien H/F",
        employer_name: 'Net Plus Services',
        postal_code: '59000',
        contract_type: 'cdd',
      },
      {
        title: 'Préparateur de commandes',
        employer_name: 'Logistique du Nord',
        postal_code: '59100',
        contract_type: 'interim',
      },
    ]);
    expect(rows[0].description).toContain('autolaveuse');
    expect(rows[0].description).not.toContain('Mentions légales');

    // No ROME code on such a page: the occupation is read from the text, with its next readings.
    const [read]: Array<{
      rome_code: string;
      rome_inferred: boolean;
      rome_other_readings: Array<{ codeRome: string; label: string; weight: number }>;
    }> = await db.query(
      `SELECT rome_code, rome_inferred, rome_other_readings FROM offer WHERE source = 'cap-emploi' AND title = $1`,
      ["Agent d'entretien H/F"],
    );
    expect(read).toMatchObject({ rome_code: expect.stringMatching(/^K22/), rome_inferred: true });
    expect(read.rome_other_readings.length).toBeGreaterThan(0);
    expect(read.rome_other_readings.length).toBeLessThanOrEqual(3);
    for (const other of read.rome_other_readings) {
      expect(other.codeRome).not.toBe(read.rome_code);
      expect(other.label).not.toBe('');
      expect(other.weight).toBeGreaterThan(0);
      expect(other.weight).toBeLessThanOrEqual(1);
    }
  });

  it('a board whose listing cards carry the offers is read without fetching a detail page', async () => {
    const before = requests;
    const summary = await app.get(RunIngestion).execute('cartes', { trigger: 'manual' });
    expect(summary).toMatchObject({ status: 'succeeded', pagesFetched: 1, created: 3, rejected: 0 });
    expect(requests - before).toBe(1);
    expect((await offers('cartes')).map((offer) => [offer.external_id, offer.title])).toEqual([
      ['1', 'Cariste'],
      ['2', 'Magasinier'],
      ['3', 'Soudeur'],
    ]);
  });

  it('reparse replays the stored payloads with no fetch: a stale offer is read again, a rejected one comes in', async () => {
    // What an older parser left behind: one offer read wrongly, one rejected by the last run.
    await db.query(
      `UPDATE offer SET title = 'Titre lu par un ancien analyseur', content_hash = 'stale'
       WHERE source = 'cap-emploi' AND external_id LIKE '%/offres/1'`,
    );
    const [dropped]: Array<{ payload_hash: string; url: string }> = await db.query(
      `SELECT payload_hash, url FROM offer WHERE source = 'cartes' AND external_id = '2'`,
    );
    expect(dropped.payload_hash).toEqual(expect.any(String));
    await db.query(`DELETE FROM offer WHERE source = 'cartes' AND external_id = '2'`);
    await db.query(
      `INSERT INTO ingestion_rejection (run_id, source_id, external_id, url, field, reason, payload_hash)
       SELECT r.id, r.source_id, '2', $1, 'title', 'missing (older parser)', $2 FROM ingestion_run r
       JOIN ingestion_source s ON s.id = r.source_id WHERE s.name = 'cartes' ORDER BY r.started_at DESC LIMIT 1`,
      [dropped.url, dropped.payload_hash],
    );
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const fetchedBefore = requests;

    const cap = await app.get(RunIngestion).execute('cap-emploi', { trigger: 'reparse' });
    expect(cap).toMatchObject({
      status: 'succeeded',
      pagesFetched: 0,
      offersSeen: 2,
      updated: 1,
      unchanged: 1,
      closed: 0,
    });
    expect((await offers('cap-emploi')).map((offer) => offer.title).sort()).toEqual([
      "Agent d'entretien H/F",
      'Préparateur de commandes',
    ]);

    // The command, as an operator runs it: a JSON summary on stdout.
    const cli = spawnBuilt('apps/cli/src/main.js', ['reparse', '--source', 'cartes'], context.env);
    expect(await cli.exited).toBe(0);
    const json = cli
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .pop();
    const summary = JSON.parse(json ?? '{}') as Record<string, unknown>;
    expect(summary).toMatchObject({
      status: 'succeeded',
      pagesFetched: 0,
      offersSeen: 3,
      created: 1,
      unchanged: 2,
      closed: 0,
    });
    expect((await offers('cartes')).map((offer) => offer.title)).toEqual(['Cariste', 'Magasinier', 'Soudeur']);
    expect(requests).toBe(fetchedBefore);
    const triggers: Array<{ trigger: string }> = await db.query(
      `SELECT trigger FROM ingestion_run WHERE trigger = 'reparse'`,
    );
    expect(triggers).toHaveLength(2);
  });
});
