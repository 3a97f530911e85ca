import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { freePort, isListening, MIGRATIONS } from '@passerelle/core';
import { createTestContext, eventually, spawnBuilt, type SpawnedProcess, type TestContext } from '@passerelle/testing';

/** Whether `pid` runs; a zombie (killed, not yet reaped by its new parent) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('cli start (the README first command, on an empty database)', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext({ migrated: false });
  });

  afterAll(async () => {
    await context?.cleanup();
  });

  it('migrates, starts its own Meilisearch, is ready within 60 s and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { MEILI_URL: _url, MEILI_MASTER_KEY: _key, ...env } = context.env;
    // The pool size the README command gets (test contexts use 4).
    const start = spawnBuilt('apps/cli/src/main.js', ['start'], {
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: '10',
    });
    try {
      const ready = await eventually(
        '/ready answers 200',
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/ready`);
          return response.status === 200 ? ((await response.json()) as { status: string }) : undefined;
        },
        60_000,
        200,
      );
      expect(ready.status).toBe('ready');
      await eventually(
        'the start banner',
        () => (start.output().includes('Stop with Ctrl+C.') ? true : undefined),
        60_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\n--- output ---\n${start.output().slice(-3000)}`);
      });
      expect(start.output()).toContain(`API           http://127.0.0.1:${port}`);
      // The web application is served at the address the banner prints first.
      expect(start.output()).toContain(`Web app       http://127.0.0.1:${port}/app/`);
      const page = await fetch(`http://127.0.0.1:${port}/app/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      expect(start.output()).toMatch(/Meilisearch\s+embedded\s+http:\/\/127\.0\.0\.1:\d+\/? \(1\.21\.0\)/);
      expect(start.output()).toContain(`applied ${MIGRATIONS.length} migration(s)`);
      expect(start.output()).toContain('First administrator created');
      expect(existsSync(`${context.dataDir}/meilisearch/master-key`)).toBe(true);
      // Demo mode: a coach, a mediator, a manager and fictitious beneficiaries, written after the banner.
      await eventually(
        'the demo portfolio',
        () => (start.output().includes('Demo accounts created, with 12 fictitious beneficiaries') ? true : undefined),
        60_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\n--- output ---\n${start.output().slice(-4000)}`);
      });
    } finally {
      start.child.kill('SIGTERM');
    }
    expect(await start.exited).toBe(0);
    // The embedded Meilisearch went down with Passerelle: nothing listens on its port any more.
    const meiliPort = Number(/Meilisearch\s+embedded\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(start.output())?.[1]);
    expect(meiliPort).toBeGreaterThan(0);
    expect(await isListening('127.0.0.1', meiliPort)).toBe(false);
  });

  it('after being killed outright, stops the Meilisearch it left behind at the next start', async () => {
    const { MEILI_URL: _url, MEILI_MASTER_KEY: _key, ...env } = context.env;
    const startOnce = async (): Promise<{ process: SpawnedProcess; meiliPid: number }> => {
      const port = await freePort();
      // The demo (boards, ingestion, portfolio) is not what this test is about: off, to keep it light.
      const process = spawnBuilt('apps/cli/src/main.js', ['start'], {
        ...env,
        PORT: String(port),
        LOG_LEVEL: 'info',
        DEMO_MODE: 'false',
      });
      await eventually(
        'started',
        () => (process.output().includes('Passerelle is running') ? true : undefined),
        60_000,
      );
      // First line: the child's pid; then the process that owns it.
      const meiliPid = Number(readFileSync(`${context.dataDir}/meilisearch/meilisearch.pid`, 'utf8').split('\n')[0]);
      return { process, meiliPid };
    };
    const killed = await startOnce();
    killed.process.child.kill('SIGKILL');
    await killed.process.exited;
    expect(isAlive(killed.meiliPid)).toBe(true);

    const next = await startOnce();
    try {
      expect(next.process.output()).toContain('stopped an orphaned meilisearch left by a previous run');
      expect(isAlive(killed.meiliPid)).toBe(false);
      expect(next.meiliPid).not.toBe(killed.meiliPid);
    } finally {
      next.process.child.kill('SIGTERM');
    }
    expect(await next.process.exited).toBe(0);
    expect(isAlive(next.meiliPid)).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 0 and 65535 (got "abc")'],
    [{ MEILI_URL: 'ftp://search' }, 'MEILI_URL must be a URL starting with http:// or https://'],
    [{ EMBEDDED_SERVICES: 'off', DATABASE_URL: '' }, 'DATABASE_URL is required'],
  ])('exits non-zero with one clear line when %j', async (overrides, line) => {
    const start = spawnBuilt('apps/cli/src/main.js', ['start'], { ...context.env, ...overrides });
    expect(await start.exited).toBe(1);
    const output = start.output().trim();
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toContain(line);
  });
});
