import { describe, expect, it } from '@jest/globals';
import { Clock, type ResolvedConfig } from '@passerelle/core';
import type { CodedOffer, ReferentialIndex } from '@passerelle/referential';
import { OccupationLearning } from './occupation-learning.js';
import { CodedOfferSource } from './ports/coded-offer-source.js';

/** Counts the reads of the store; the index is never reached when the setting is off. */
class CountingSource extends CodedOfferSource {
  reads = 0;
  newest(): AsyncIterable<CodedOffer> {
    this.reads += 1;
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.resolve({ done: true as const, value: undefined }),
      }),
    };
  }
}

const unreachableIndex = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the referential index was used');
    },
  },
) as ReferentialIndex;

describe('OccupationLearning and OCCUPATION_LEARNING', () => {
  it('neither builds at start-up nor on the first offer read', async () => {
    const source = new CountingSource();
    const config = { occupationLearning: false } as ResolvedConfig;
    const learning = new OccupationLearning(source, unreachableIndex, new Clock(), config);
    learning.onApplicationBootstrap();
    await learning.ensureBuilt();
    expect(learning.enabled).toBe(false);
    expect(learning.pendingBuild).toBeNull();
    expect(learning.lastReport).toBeNull();
    expect(source.reads).toBe(0);
  });

  it('starts the build at start-up when on, and the first read waits for that same build', async () => {
    const source = new CountingSource();
    const config = { occupationLearning: true } as ResolvedConfig;
    const index = { load: () => Promise.resolve(), useCodedOffers: () => undefined } as unknown as ReferentialIndex;
    const learning = new OccupationLearning(source, index, new Clock(), config);
    learning.onApplicationBootstrap();
    const started = learning.pendingBuild;
    expect(started).not.toBeNull();
    await learning.ensureBuilt();
    expect(source.reads).toBe(1);
    expect(learning.lastReport).toMatchObject({ offers: 0, inUse: false });
    expect(learning.lastReport).toBe(await started);
  });
});
