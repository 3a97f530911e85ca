import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRunning, processIdentity } from './process-identity.js';
import { claimDataDir, lookUpState, servicesStatePath } from './services-state.js';

describe('services.json: who owns the embedded services of a data directory', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-state-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const writeState = (owner: { pid: number; startTime: string | null }): void =>
    writeFileSync(
      servicesStatePath(dataDir),
      JSON.stringify({ owner, service: 'all-in-one', startedAt: '', status: 'ready', embedded: {} }),
    );

  it('tells this process from a newcomer that got its pid: same pid, other start time, is not running', () => {
    const self = processIdentity();
    expect(self?.pid).toBe(process.pid);
    expect(self && isRunning(self)).toBe(true);
    expect(isRunning({ pid: process.pid, startTime: 'another-boot:12345' })).toBe(false);
  });

  it('a second claim sees the first as live, with the URLs it recorded; release removes the file', async () => {
    const first = await claimDataDir(dataDir, 'all-in-one');
    if (!('claim' in first)) throw new Error('the empty data directory was not claimed');
    first.claim.ready({ meilisearch: 'http://127.0.0.1:7700/' });
    first.claim.announce('http://127.0.0.1:3000');
    const second = await claimDataDir(dataDir, 'cli');
    expect(second).toEqual({
      held: {
        kind: 'live',
        state: expect.objectContaining({
          owner: processIdentity(),
          service: 'all-in-one',
          status: 'ready',
          embedded: { meilisearch: 'http://127.0.0.1:7700/' },
          url: 'http://127.0.0.1:3000',
        }),
      },
    });
    first.claim.release();
    expect(existsSync(servicesStatePath(dataDir))).toBe(false);
  });

  it('a state left by a dead process is stale: removed, and the directory can be claimed again', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeState({ pid: Number(dead.stdout.toString()), startTime: null });
    expect(lookUpState(dataDir)).toEqual({ kind: 'stale', owner: Number(dead.stdout.toString()) });
    expect(existsSync(servicesStatePath(dataDir))).toBe(false);
    const claimed = await claimDataDir(dataDir, 'cli');
    expect('claim' in claimed).toBe(true);
    if ('claim' in claimed) claimed.claim.release();
  });

  it('a state whose pid was reused by another process (start time differs) is stale, not that process', () => {
    writeState({ pid: process.pid, startTime: 'another-boot:12345' });
    expect(lookUpState(dataDir)).toEqual({ kind: 'stale', owner: process.pid });
  });

  it('an unreadable state is stale, and a release never removes a claim that is not its own', async () => {
    writeFileSync(servicesStatePath(dataDir), '{"owner": ');
    expect(lookUpState(dataDir)).toEqual({ kind: 'stale', owner: null });
    const mine = await claimDataDir(dataDir, 'cli');
    if (!('claim' in mine)) throw new Error('not claimed');
    // Someone else's claim replaced ours (it judged ours stale): releasing ours must leave it.
    writeState({ pid: 1, startTime: null });
    mine.claim.release();
    expect(JSON.parse(readFileSync(servicesStatePath(dataDir), 'utf8'))).toMatchObject({ owner: { pid: 1 } });
  });
});
