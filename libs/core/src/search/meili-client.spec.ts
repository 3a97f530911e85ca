import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { MeilisearchTaskTimeOutError } from 'meilisearch';
import { MeiliTaskFailedError, awaitTask, createMeiliClient } from './meili-client.js';

/**
 * awaitTask against a stand-in for Meilisearch's task route on a real socket: task 1 is processing
 * for its first `pollsBeforeDone` asks then succeeds, task 2 fails, task 3 never ends.
 */
describe('awaitTask', () => {
  let server: http.Server;
  let url: URL;
  let polls = 0;
  const pollsBeforeDone = 1_600;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const uid = Number(/^\/tasks\/(\d+)$/.exec(request.url ?? '')?.[1]);
      polls += 1;
      const status =
        uid === 1 ? (polls > pollsBeforeDone ? 'succeeded' : 'processing') : uid === 2 ? 'failed' : 'processing';
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          uid,
          type: 'documentAdditionOrUpdate',
          status,
          error: status === 'failed' ? { code: 'invalid_document_id', message: 'bad id' } : null,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterEach(() => {
    polls = 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('waits through more polls than one abort signal should take listeners, without piling them on a signal', async () => {
    // Live 'abort' listeners per signal, at their highest during the wait.
    const live = new WeakMap<object, number>();
    let most = 0;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back, and called on each signal with apply
    const { addEventListener, removeEventListener } = AbortSignal.prototype;
    const count = (signal: object, type: string, delta: number) => {
      if (type !== 'abort') return;
      const now = (live.get(signal) ?? 0) + delta;
      live.set(signal, now);
      most = Math.max(most, now);
    };
    AbortSignal.prototype.addEventListener = function (
      this: AbortSignal,
      ...args: Parameters<typeof addEventListener>
    ) {
      count(this, args[0], 1);
      return addEventListener.apply(this, args);
    };
    AbortSignal.prototype.removeEventListener = function (
      this: AbortSignal,
      ...args: Parameters<typeof removeEventListener>
    ) {
      count(this, args[0], -1);
      return removeEventListener.apply(this, args);
    };
    try {
      const client = createMeiliClient(url, undefined, 5_000);
      const task = await awaitTask(client, { taskUid: 1 } as never, 60_000, 0);
      expect(task.status).toBe('succeeded');
      expect(polls).toBe(pollsBeforeDone + 1);
    } finally {
      Object.assign(AbortSignal.prototype, { addEventListener, removeEventListener });
    }
    expect(most).toBeGreaterThan(0); // the polls' signals were seen
    expect(most).toBeLessThan(10);
  });

  it('throws the failed task, with its error', async () => {
    const client = createMeiliClient(url, undefined, 5_000);
    await expect(awaitTask(client, { taskUid: 2 } as never, 5_000)).rejects.toThrow(
      new MeiliTaskFailedError({
        uid: 2,
        type: 'documentAdditionOrUpdate',
        status: 'failed',
        error: { code: 'invalid_document_id', message: 'bad id' },
      } as never).message,
    );
  });

  it('gives up with the client’s task timeout error once its time is over', async () => {
    const client = createMeiliClient(url, undefined, 5_000);
    const started = performance.now();
    const error = await awaitTask(client, { taskUid: 3 } as never, 200, 20).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MeilisearchTaskTimeOutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(polls).toBeGreaterThan(1);
  });
});
