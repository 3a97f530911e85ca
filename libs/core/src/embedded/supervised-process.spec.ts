import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processIdentity } from './process-identity.js';
import { ServiceOwnedElsewhereError, SupervisedProcess } from './supervised-process.js';

const SLEEP = '/usr/bin/sleep';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

function alive(pid: number): boolean {
  return processIdentity(pid) !== null;
}

describe('SupervisedProcess: the child a pid file names is stopped only when its owner is dead', () => {
  let dir: string;
  let leftover: ChildProcess;
  let pidFile: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'passerelle-pid-'));
    pidFile = path.join(dir, 'sleep.pid');
    // Stands for the Meilisearch another process started on the same data directory.
    leftover = spawn(SLEEP, ['60'], { stdio: 'ignore' });
  });

  afterEach(() => {
    leftover.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const recordOwner = (owner: { pid: number; startTime: string | null } | null): void =>
    writeFileSync(pidFile, `${leftover.pid}\n${JSON.stringify({ owner })}\n`);
  const supervised = (): SupervisedProcess =>
    new SupervisedProcess({
      name: 'sleep',
      command: SLEEP,
      args: ['60'],
      logger: silent,
      maxRestarts: 0,
      pidFile,
      ready: () => Promise.resolve(),
    });

  it('refuses to start, and leaves the child running, when the owner recorded in the pid file is alive', async () => {
    // The jest parent: a live process that is not this one.
    recordOwner(processIdentity(process.ppid));
    await expect(supervised().start()).rejects.toThrow(ServiceOwnedElsewhereError);
    expect(alive(leftover.pid!)).toBe(true);
  });

  it('stops the child as an orphan and starts its own when the recorded owner is dead', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    recordOwner({ pid: Number(dead.stdout.toString()), startTime: null });
    const own = supervised();
    await own.start();
    try {
      await new Promise((resolve) => leftover.once('exit', resolve));
      expect(alive(leftover.pid!)).toBe(false);
      const [pid, owner] = readFileSync(pidFile, 'utf8').split('\n');
      expect(Number(pid)).toBe(own.pid);
      expect(JSON.parse(owner)).toEqual({ owner: processIdentity() });
    } finally {
      await own.stop();
    }
  });
});
