import { describe, expect, it } from '@jest/globals';
import { afterAccess } from './access-recheck.interceptor.js';

/** A promise settled by hand, to order the access re-read and the work as a test needs. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('afterAccess: the work runs beside the access re-read, the answer waits for both', () => {
  it('starts the work before the access is known, and answers its result only once access is granted', async () => {
    const access = deferred<string>();
    const work = deferred<string>();
    let started = false;
    let answered: string | undefined;
    const answer = afterAccess(access.promise, () => {
      started = true;
      return work.promise;
    }).then((value) => (answered = value));
    expect(started).toBe(true);
    work.resolve('offers');
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBeUndefined();
    access.resolve('coach');
    await answer;
    expect(answered).toBe('offers');
  });

  it('answers the refusal, not the result, when access is refused after the work is done', async () => {
    const refusal = new Error('auth.user_inactive');
    const access = deferred<string>();
    const answer = afterAccess(access.promise, () => Promise.resolve('offers'));
    await new Promise((resolve) => setImmediate(resolve));
    access.reject(refusal);
    await expect(answer).rejects.toBe(refusal);
  });

  it('answers the refusal as soon as it is known, without waiting for the work', async () => {
    const refusal = new Error('auth.session_ended');
    const work = deferred<string>();
    await expect(afterAccess(Promise.reject(refusal), () => work.promise)).rejects.toBe(refusal);
    work.reject(new Error('late failure, handled and dropped'));
  });

  it('answers the refusal rather than the work’s own error (a refused caller learns nothing of the body)', async () => {
    const refusal = new Error('auth.forbidden');
    const access = deferred<string>();
    const answer = afterAccess(access.promise, () => Promise.reject(new Error('validation: limit too large')));
    await new Promise((resolve) => setImmediate(resolve));
    access.reject(refusal);
    await expect(answer).rejects.toBe(refusal);
  });

  it('answers the work’s error, thrown or rejected, once access is granted', async () => {
    const failure = new Error('matching.index_not_ready');
    await expect(afterAccess(Promise.resolve('coach'), () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(
      afterAccess(Promise.resolve('coach'), () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });
});
