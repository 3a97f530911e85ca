import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from '@passerelle/core';
import { createTestContext, eventually, spawnBuilt, type SpawnedProcess, type TestContext } from '@passerelle/testing';

/** Whether `pid` runs; a zombie (killed, not yet reaped) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** A pid that names no process: one of a child that ran and was reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('cli commands and a second start beside a running platform (one data directory)', () => {
  let context: TestContext;
  /** The test context's settings without Meilisearch: the platform embeds its own in the data directory. */
  let env: Record<string, string>;
  let platform: SpawnedProcess;
  let platformPort: number;

  const meiliPidFile = (): string => `${context.dataDir}/meilisearch/meilisearch.pid`;
  const meiliPid = (): number => Number(readFileSync(meiliPidFile(), 'utf8').split('\n')[0]);
  const state = (): { owner: { pid: number }; status: string; embedded: { meilisearch?: string } } =>
    JSON.parse(readFileSync(`${context.dataDir}/services.json`, 'utf8')) as ReturnType<typeof state>;
  const cli = async (args: string[], extra: Record<string, string> = {}): Promise<{ code: number; output: string }> => {
    const run = spawnBuilt('apps/cli/src/main.js', args, { ...env, ...extra });
    return { code: await run.exited, output: run.output() };
  };

  beforeAll(async () => {
    context = await createTestContext();
    const { MEILI_URL: _url, MEILI_MASTER_KEY: _key, ...rest } = context.env;
    env = rest;
    // The demo (boards, ingestion, portfolio) is not what this file is about: off, to keep it light.
    platformPort = await freePort();
    platform = spawnBuilt('apps/cli/src/main.js', ['start'], {
      ...env,
      PORT: String(platformPort),
      LOG_LEVEL: 'info',
      DEMO_MODE: 'false',
    });
    await eventually(
      'the platform started',
      () => (platform.output().includes('Passerelle is running') ? true : undefined),
      90_000,
      200,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- output ---\n${platform.output().slice(-3000)}`);
    });
  });

  afterAll(async () => {
    if (platform && platform.child.exitCode === null) {
      platform.child.kill('SIGTERM');
      await platform.exited;
    }
    await context?.cleanup();
  });

  it("records its embedded Meilisearch in services.json, owned by the platform's pid", () => {
    expect(state()).toMatchObject({
      owner: { pid: platform.child.pid },
      status: 'ready',
      embedded: { meilisearch: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/) },
    });
    expect(readFileSync(meiliPidFile(), 'utf8')).toContain(`"pid":${platform.child.pid}`);
  });

  it("a CLI command uses the platform's Meilisearch and leaves it running (same pid, still serving)", async () => {
    const before = meiliPid();
    const meiliUrl = state().embedded.meilisearch!;
    const reconcile = await cli(['reconcile']);
    expect(reconcile.output).not.toContain('orphaned');
    expect(reconcile.code).toBe(0);
    expect(JSON.parse(reconcile.output.trim().split('\n').at(-1)!)).toMatchObject({ missing: 0, extra: 0 });
    expect(meiliPid()).toBe(before);
    expect(isAlive(before)).toBe(true);
    expect((await fetch(new URL('/health', meiliUrl))).status).toBe(200);
    // The platform's supervisor saw nothing happen to its child.
    expect(platform.output()).not.toContain('exited unexpectedly');
  });

  it('a second start on the same data directory refuses with one line naming the running one', async () => {
    const second = await cli(['start'], { PORT: String(await freePort()), DEMO_MODE: 'false' });
    expect(second.code).toBe(1);
    const lines = second.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^passerelle: another Passerelle process \\(all-in-one, pid ${platform.child.pid}, since [^,]+, ` +
          `http://127\\.0\\.0\\.1:${platformPort}\\) runs on ${context.dataDir}; ` +
          'stop it first, or set PASSERELLE_DATA_DIR to another directory$',
      ),
    );
    expect(isAlive(meiliPid())).toBe(true);
    expect(state().owner.pid).toBe(platform.child.pid);
  });

  it('on a clean stop, removes services.json along with its Meilisearch', async () => {
    const child = meiliPid();
    platform.child.kill('SIGTERM');
    expect(await platform.exited).toBe(0);
    expect(existsSync(`${context.dataDir}/services.json`)).toBe(false);
    expect(isAlive(child)).toBe(false);
  });

  it('ignores and removes a services.json left by a dead process, and starts its own services', async () => {
    // A state naming a dead owner and a Meilisearch that is not there: following it would fail.
    writeFileSync(
      `${context.dataDir}/services.json`,
      JSON.stringify({
        owner: { pid: await deadPid(), startTime: 'gone' },
        service: 'all-in-one',
        startedAt: '2026-01-01T00:00:00.000Z',
        status: 'ready',
        embedded: { meilisearch: 'http://127.0.0.1:9/' },
      }),
    );
    const reconcile = await cli(['reconcile'], { LOG_LEVEL: 'info' });
    expect(reconcile.output).toContain(
      'ignored the services state left by a Passerelle process that is no longer running',
    );
    expect(reconcile.code).toBe(0);
    expect(JSON.parse(reconcile.output.trim().split('\n').at(-1)!)).toMatchObject({ missing: 0 });
    // Its own claim went with it.
    expect(existsSync(`${context.dataDir}/services.json`)).toBe(false);
  });
});
