import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import request from 'supertest';
import {
  createProcessLogger,
  loadConfig,
  startMeilisearch,
  startRedis,
  type EmbeddedMeilisearch,
  type EmbeddedRedis,
  type ResolvedConfig,
} from '@passerelle/core';
import {
  createTestContext,
  eventually,
  startApi,
  TcpProxy,
  type RunningApi,
  type TestContext,
} from '@passerelle/testing';

/**
 * Each dependency goes down while the API runs: /ready answers 503 naming it, and nothing more
 * (no host, port or driver error: the answer is public), then 200 again once it is back, without
 * restarting Passerelle. Meilisearch and Redis are real processes of this test
 * that it stops and starts; PostgreSQL, shared with other tests, is cut through a TCP proxy.
 */
describe('readiness follows each dependency going down and coming back', () => {
  let context: TestContext;
  let meili: EmbeddedMeilisearch;
  let redis: EmbeddedRedis;
  let postgresProxy: TcpProxy;
  let api: RunningApi;

  const readyStatus = async (): Promise<{
    status: number;
    body: { down: string[]; message: string; checks: Record<string, unknown> };
  }> => {
    const response = await request(api.url).get('/ready');
    return { status: response.status, body: response.body };
  };

  const expectReadyWithin = (what: string) =>
    eventually(what, async () => ((await readyStatus()).status === 200 ? true : undefined), 15_000, 100);

  const expectDownWithin = (dependency: string) =>
    eventually(
      `${dependency} reported down`,
      async () => {
        const { status, body } = await readyStatus();
        return status === 503 && body.down.includes(dependency) ? body : undefined;
      },
      15_000,
      100,
    );

  /** The anonymous answer gives each dependency's state and nothing an attacker could map the network with. */
  const expectOnlyStates = (body: object, down: string): void => {
    expect(body).toEqual({
      status: 'not_ready',
      message: `${down} is down`,
      down: [down],
      checks: Object.fromEntries(
        ['postgres', 'redis', 'meilisearch'].map((name) => [name, { status: name === down ? 'down' : 'up' }]),
      ),
    });
    const text = JSON.stringify(body);
    for (const port of [
      meili.url.port,
      redis.url.port,
      String(postgresProxy.port),
      new URL(context.env.DATABASE_URL).port,
    ])
      expect(text).not.toContain(port);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONN|refused|timeout|error|fetch|socket|password/i);
  };

  beforeAll(async () => {
    context = await createTestContext();
    const logger = createProcessLogger('silent', 'test');
    meili = await startMeilisearch(path.join(context.dataDir, 'meili'), logger, { maxRestarts: 0 });
    redis = await startRedis(path.join(context.dataDir, 'redis'), logger, { persistent: false });
    const database = new URL(context.env.DATABASE_URL);
    postgresProxy = new TcpProxy(database.hostname, Number(database.port || 5432));
    await postgresProxy.open();
    database.host = `127.0.0.1:${postgresProxy.port}`;
    const config = loadConfig({
      ...context.env,
      DATABASE_URL: database.toString(),
      REDIS_URL: redis.url.toString(),
      MEILI_URL: meili.url.toString(),
      MEILI_MASTER_KEY: meili.masterKey,
    }) as ResolvedConfig;
    api = await startApi(config);
  });

  afterAll(async () => {
    await api?.close();
    await postgresProxy?.cut();
    await meili?.process.stop();
    await redis?.process.stop();
    await context?.cleanup();
  });

  it('starts ready', async () => {
    expect((await readyStatus()).status).toBe(200);
  });

  it('names Meilisearch when it stops, and recovers when it restarts', async () => {
    await meili.process.stop();
    const body = await expectDownWithin('meilisearch');
    expectOnlyStates(body, 'meilisearch');
    await meili.process.start();
    await expectReadyWithin('ready after Meilisearch restarted');
  });

  it('names Redis when it stops, and recovers when it restarts', async () => {
    await redis.process.stop();
    const body = await expectDownWithin('redis');
    expectOnlyStates(body, 'redis');
    await redis.process.start();
    await expectReadyWithin('ready after Redis restarted');
  });

  it('names PostgreSQL when it cannot be reached, and recovers when it can', async () => {
    await postgresProxy.cut();
    const body = await expectDownWithin('postgres');
    expectOnlyStates(body, 'postgres');
    await postgresProxy.open();
    await expectReadyWithin('ready after PostgreSQL came back');
  });
});
