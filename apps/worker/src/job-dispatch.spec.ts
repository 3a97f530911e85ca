import { describe, expect, it } from '@jest/globals';
import { type Job, UnrecoverableError } from 'bullmq';
import { DomainError } from '@passerelle/core';
import { dispatchJob, type JobHandlers } from './job-dispatch.js';

const job = (name: string, data: unknown = {}): Job =>
  ({ id: '1', name, data, queueName: 'outcomes' }) as unknown as Job;
const signal = new AbortController().signal;

describe('the worker’s one dispatch point', () => {
  const seen: string[] = [];
  const handlers: JobHandlers<'outcomes'> = {
    'checkpoint-due': ({ data }) => {
      seen.push(data.followUpId);
      return Promise.resolve({ outcome: 'task' });
    },
    resync: () => Promise.reject(new DomainError('not_found', 'follow_up.not_found', 'no such checkpoint')),
  };

  it('hands each job its handler, with its payload', async () => {
    await expect(dispatchJob(handlers, job('checkpoint-due', { followUpId: 'f1' }), signal)).resolves.toEqual({
      outcome: 'task',
    });
    expect(seen).toEqual(['f1']);
  });

  it('fails a job no handler knows for good, naming it and its queue', async () => {
    const failure = dispatchJob(handlers, job('toString'), signal);
    await expect(failure).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(failure).rejects.toThrow('no handler for job toString on outcomes');
  });

  it('gives up on a domain error that retrying cannot fix, and lets a retryable one be retried', async () => {
    await expect(dispatchJob(handlers, job('resync'), signal)).rejects.toBeInstanceOf(UnrecoverableError);
    const unavailable: JobHandlers<'outcomes'> = {
      ...handlers,
      resync: () => Promise.reject(new DomainError('unavailable', 'search.down', 'Meilisearch is down')),
    };
    const retried = dispatchJob(unavailable, job('resync'), signal);
    await expect(retried).rejects.toBeInstanceOf(DomainError);
    await expect(retried).rejects.not.toBeInstanceOf(UnrecoverableError);
  });
});
