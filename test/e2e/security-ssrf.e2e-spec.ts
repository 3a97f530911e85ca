import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort } from '@passerelle/core';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { RunIngestion } from '@passerelle/ingestion';
import {
  createTestContext,
  eventually,
  seedOrganisation,
  spawnBuilt,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: string;
}

/** A server that records every request reaching it: an internal service, or an attacker's capture. */
async function recordingServer(): Promise<{ server: Server; port: number; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      requests.push({
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        headers: JSON.stringify(incoming.headers),
      });
      // No robots.txt (everything allowed), and a refusal for anything else.
      response.writeHead(incoming.url === '/robots.txt' ? 404 : 400, { 'Content-Type': 'application/json' });
      response.end('{"error":"invalid_client"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

interface Problem {
  readonly field: string;
  readonly reason: string;
}

/**
 * Item 1 of the security issue: a platform-staff account must not make Passerelle fetch internal
 * addresses, nor send the France Travail secret of the environment anywhere but the environment's
 * token URL, nor hang the worker with a regular expression. Loopback is NOT trusted here (only the
 * demo boards' exact host:port and the capture server are, as an operator would allow-list an
 * intranet host), and each attack checks that the target server received nothing.
 */
describe('security: SSRF and the France Travail secret through staff-edited sources', () => {
  let demo: DemoSources;
  let internal: Awaited<ReturnType<typeof recordingServer>>;
  let capture: Awaited<ReturnType<typeof recordingServer>>;
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;

  const staff = () => {
    const token = org.users.staffNord.accessToken;
    return {
      get: (path: string) => request(api.url).get(path).auth(token, { type: 'bearer' }),
      post: (path: string) => request(api.url).post(path).auth(token, { type: 'bearer' }),
      patch: (path: string) => request(api.url).patch(path).auth(token, { type: 'bearer' }),
    };
  };
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    api.app.get(DataSource).query<T[]>(query, parameters);
  const sourceId = async (name: string): Promise<string> =>
    (await sql<{ id: string }>('SELECT id FROM ingestion_source WHERE name = $1', [name]))[0].id;
  const board = (listingUrl: string, extra: Record<string, unknown> = {}) => ({
    ...demo.nordemploi.description,
    listing: { ...demo.nordemploi.description.listing, url: listingUrl },
    ...extra,
  });

  beforeAll(async () => {
    demo = await startDemoSources({
      seed: 5,
      crawlDelaySeconds: 0,
      brokenPages: false,
      nordemploi: { count: 6, pageSize: 10 },
      franceTravail: { count: 20, region: 'nord' },
    });
    internal = await recordingServer();
    capture = await recordingServer();
    const demoHost = new URL(demo.baseUrl).host;
    context = await createTestContext({
      referential: true,
      env: {
        DEMO_MODE: 'false',
        // The demo boards and the capture server (an intranet host the operator trusts); not loopback.
        FETCH_ALLOWED_HOSTS: `${demoHost},127.0.0.1:${capture.port}`,
        FRANCE_TRAVAIL_API_URL: demo.franceTravail.apiUrl,
        FRANCE_TRAVAIL_TOKEN_URL: demo.franceTravail.tokenUrl,
        FRANCE_TRAVAIL_CLIENT_ID: demo.franceTravail.clientId,
        FRANCE_TRAVAIL_CLIENT_SECRET: demo.franceTravail.clientSecret,
        FRANCE_TRAVAIL_DEPARTEMENTS: '59',
        // A run's first load of the reference data holds three connections for seconds on a busy
        // machine; with the run's lock and its queries, four were not always enough.
        DB_POOL_SIZE: '8',
      },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
  });

  afterAll(async () => {
    await api?.close();
    await demo?.close();
    await new Promise((done) => internal?.server.close(done));
    await new Promise((done) => capture?.server.close(done));
    await context?.cleanup();
  });

  it('refuses (422, config.listing.url) a board aimed at loopback, private or metadata addresses in any notation, and registers none', async () => {
    const port = internal.port;
    const targets = [
      `http://127.0.0.1:${port}/`,
      `http://127.0.0.2:${port}/`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
      `http://2130706433:${port}/`,
      `http://0177.0.0.1:${port}/`,
      `http://0x7f.1:${port}/`,
      `http://127.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://0.0.0.0:${port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://192.168.1.1/',
    ];
    for (const [index, url] of targets.entries()) {
      const refused = await staff()
        .post('/sources')
        .send({ name: `probe-${index}`, label: 'Probe', kind: 'html_board', config: board(url) })
        .expect(422);
      expect((refused.body as { details: Problem[] }).details).toEqual([
        { field: 'config.listing.url', reason: expect.stringMatching(/^must point to a public address, not /) },
      ]);
    }
    const withCredentials = await staff()
      .post('/sources')
      .send({
        name: 'probe-credentials',
        label: 'Probe',
        kind: 'html_board',
        config: board('https://admin:admin@board.example/offres'),
      })
      .expect(422);
    expect((withCredentials.body as { details: Problem[] }).details).toEqual([
      { field: 'config.listing.url', reason: 'must not contain a user name or password' },
    ]);
    const viaBaseUrl = await staff()
      .post('/sources')
      .send({
        name: 'probe-base',
        label: 'Probe',
        kind: 'jsonld',
        baseUrl: `http://127.0.0.1:${port}`,
        config: { listing: { url: 'https://board.example/offres', offerLink: 'a' } },
      })
      .expect(422);
    expect((viaBaseUrl.body as { details: Problem[] }).details.map((detail) => detail.field)).toEqual(['baseUrl']);
    const names = ((await staff().get('/sources').expect(200)).body as Array<{ name: string }>).map((s) => s.name);
    expect(names.filter((name) => name.startsWith('probe'))).toEqual([]);
    expect(internal.requests).toEqual([]);
  });

  it('registers a board on a host the operator trusts, and refuses a PATCH that retargets it to loopback', async () => {
    const created = await staff()
      .post('/sources')
      .send({ name: 'nordemploi', label: 'Nordemploi', kind: 'html_board', config: board(demo.nordemploi.listingUrl) })
      .expect(201);
    const id = (created.body as { id: string }).id;
    const refused = await staff()
      .patch(`/sources/${id}`)
      .send({ config: board(`http://localhost:${internal.port}/offres`) })
      .expect(422);
    expect((refused.body as { details: Problem[] }).details).toEqual([
      {
        field: 'config.listing.url',
        reason: 'must point to a public address, not this machine (localhost)',
      },
    ]);
    const summary = await api.app.get(RunIngestion).execute('nordemploi', { trigger: 'manual' });
    expect(summary.status).toBe('succeeded');
    expect(summary.created).toBeGreaterThan(0);
    expect(internal.requests).toEqual([]);
  });

  it('refuses at connect time a stored board URL whose name now resolves to loopback (rebinding): the run fetches nothing from it', async () => {
    // The name was accepted when saved (as a public name would be); it now resolves to 127.0.0.1/::1.
    await sql(`UPDATE ingestion_source SET config = jsonb_set(config, '{listing,url}', $1::jsonb) WHERE name = $2`, [
      JSON.stringify(`http://localhost:${internal.port}/offres`),
      'nordemploi',
    ]);
    const summary = await api.app.get(RunIngestion).execute('nordemploi', { trigger: 'manual' });
    expect(summary.status).toBe('partial');
    expect(summary.error).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback .* address, not a public one/);
    expect(internal.requests).toEqual([]);
  });

  it('refuses (422) a PATCH pointing the environment’s France Travail source at another token URL, and a new source with its client id', async () => {
    const id = await sourceId('france-travail');
    const source = (await staff().get(`/sources/${id}`).expect(200)).body as { config: Record<string, unknown> };
    const captureUrl = `http://127.0.0.1:${capture.port}/token`;
    const patched = await staff()
      .patch(`/sources/${id}`)
      .send({ config: { ...source.config, tokenUrl: captureUrl } })
      .expect(422);
    expect((patched.body as { details: Problem[] }).details.map((detail) => detail.field)).toEqual(['config.tokenUrl']);
    const copy = await staff()
      .post('/sources')
      .send({
        name: 'ft-copy',
        label: 'FT',
        kind: 'france_travail',
        config: { ...source.config, apiUrl: `http://127.0.0.1:${capture.port}`, tokenUrl: captureUrl },
      })
      .expect(422);
    expect((copy.body as { details: Problem[] }).details.map((detail) => detail.field)).toEqual([
      'config.apiUrl',
      'config.tokenUrl',
    ]);
    const takeover = await staff()
      .post('/sources')
      .send({
        name: 'france-travail',
        label: 'FT',
        kind: 'jsonld',
        config: { listing: { url: captureUrl, offerLink: 'a' } },
      })
      .expect(422);
    expect((takeover.body as { details: Problem[] }).details.map((detail) => detail.field)).toEqual(['name']);
    expect(capture.requests).toEqual([]);
  });

  it('runs a France Travail source whose stored token URL was changed without the environment’s secret: the capture server never sees it', async () => {
    const secret = demo.franceTravail.clientSecret;
    // Control: with the environment's URLs, the environment's secret gets a token and offers come in.
    const legit = await api.app.get(RunIngestion).execute('france-travail', { trigger: 'manual' });
    expect(legit).toMatchObject({ status: 'succeeded' });
    expect(legit.offersSeen).toBeGreaterThan(0);
    // A change the API refuses, made in the database: the run itself must not follow it with the secret.
    await sql(`UPDATE ingestion_source SET config = jsonb_set(config, '{tokenUrl}', $1::jsonb) WHERE name = $2`, [
      JSON.stringify(`http://127.0.0.1:${capture.port}/token`),
      'france-travail',
    ]);
    const summary = await api.app.get(RunIngestion).execute('france-travail', { trigger: 'manual' });
    expect(summary.status).toBe('partial');
    const tokenRequests = capture.requests.filter((recorded) => recorded.method === 'POST');
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(tokenRequests[0].body).toContain(`client_id=${demo.franceTravail.clientId}`);
    for (const recorded of capture.requests) {
      expect(recorded.body).not.toContain(secret);
      expect(recorded.url).not.toContain(secret);
      expect(recorded.headers).not.toContain(secret);
    }
  });

  it('refuses a redacted secret sent back with a new token URL (the stored secret follows only its URL)', async () => {
    const created = await staff()
      .post('/sources')
      .send({
        name: 'ft-partner',
        label: 'FT partenaire',
        kind: 'france_travail',
        config: { ...demo.franceTravail, clientId: 'partner-client', departements: ['59'] },
      })
      .expect(201);
    const { id, config } = created.body as { id: string; config: Record<string, unknown> };
    expect(config.clientSecret).toBe('***');
    const refused = await staff()
      .patch(`/sources/${id}`)
      .send({ config: { ...config, tokenUrl: `http://127.0.0.1:${capture.port}/token` } })
      .expect(422);
    expect((refused.body as { details: Problem[] }).details).toEqual([
      { field: 'config.clientSecret', reason: 'must be given again when tokenUrl changes' },
    ]);
  });

  it('refuses (422) a regex RE2 cannot run, and runs a board whose regexes are catastrophic for backtracking to the end', async () => {
    const description = demo.nordemploi.description;
    const withBackreference = await staff()
      .post('/sources')
      .send({
        name: 'board-backreference',
        label: 'Board',
        kind: 'html_board',
        config: {
          ...description,
          offer: {
            ...description.offer,
            fields: { ...description.offer.fields, salary: { selector: 'p', regex: '(a)\\1' } },
          },
        },
      })
      .expect(422);
    expect((withBackreference.body as { details: Problem[] }).details).toEqual([
      {
        field: 'config.offer.fields.salary.regex',
        reason: expect.stringMatching(/^must be a regular expression RE2 accepts/),
      },
    ]);
    // Nested quantifiers over each offer's description (600 to 1,000 characters, none ending in
    // ':'): a backtracking engine tries 2^n ways to split it (24 characters already take ~0.4 s),
    // so the run would never end; RE2 answers "no match" in linear time.
    const catastrophic = await staff()
      .post('/sources')
      .send({
        name: 'board-redos',
        label: 'Board',
        kind: 'html_board',
        config: {
          ...description,
          offer: {
            ...description.offer,
            fields: {
              ...description.offer.fields,
              salary: { selector: 'article.offre .offre__description > .description', regex: '^(.+)+:$' },
            },
          },
        },
      })
      .expect(201);
    expect(catastrophic.body).toMatchObject({ name: 'board-redos' });
    const summary = await api.app.get(RunIngestion).execute('board-redos', { trigger: 'manual' });
    expect(summary.status).toBe('succeeded');
    expect(summary.offersSeen).toBeGreaterThan(0);
    expect(summary.rejected).toBe(0);
  });
});

describe('security: demo mode with loopback not allow-listed', () => {
  let context: TestContext;
  let busy: Server;

  beforeAll(async () => {
    // Migrated, with the reference data: the start skips the import and goes straight to the demo.
    context = await createTestContext({ referential: true });
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((done) => busy?.close(done));
    await context?.cleanup();
  });

  it('still ingests the demo boards, which took another port than the busy DEMO_PORT: the operator turned them on', async () => {
    const start = spawnBuilt('apps/cli/src/main.js', ['start'], {
      ...context.env,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      // The pool size the README command gets (three demo runs at once; test contexts use 4).
      DB_POOL_SIZE: '10',
      FETCH_ALLOWED_HOSTS: '',
      DEMO_PORT: String((busy.address() as AddressInfo).port),
    });
    const db = new pg.Client({ connectionString: context.config.database.url.toString() });
    const withOutput = (error: unknown): never => {
      throw new Error(`${String(error)}\n--- output ---\n${start.output().slice(-4000)}`);
    };
    try {
      await eventually('started', () => (start.output().includes('Passerelle is running') ? true : undefined), 90_000);
      await db.connect();
      const sources = await eventually(
        'a succeeded run of each demo board',
        async () => {
          const rows = (
            await db.query<{ name: string; succeeded: boolean; errors: string | null }>(
              `SELECT s.name, bool_or(r.status = 'succeeded') AS succeeded, string_agg(r.error, ' | ') AS errors
               FROM ingestion_source s JOIN ingestion_run r ON r.source_id = s.id
               WHERE s.kind <> 'manual' GROUP BY s.name ORDER BY s.name`,
            )
          ).rows;
          return rows.length === 3 && rows.every((row) => row.succeeded) ? rows : undefined;
        },
        150_000,
        1_000,
      ).catch(withOutput);
      expect(sources.map((source) => source.name)).toEqual(['france-travail-demo', 'job-connexion', 'nordemploi']);
      // No attempt was refused by the address check (a busy machine may fail one on something else).
      for (const source of sources) expect(source.errors ?? '').not.toMatch(/public|not a configured source host/);
    } finally {
      await db.end().catch(() => undefined);
      start.child.kill('SIGTERM');
      await start.exited;
    }
  }, 300_000);
});
