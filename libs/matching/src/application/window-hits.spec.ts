import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Hit } from './match-scorer.js';
import { OfferIndex, type OfferIndexHits, type OfferIndexSearch } from './ports/offer-index.js';
import { WindowHits } from './window-hits.js';

interface Stored {
  stamp: string;
  title: string;
}

/** An index in memory: the ranked search answers every stored offer in order; `id IN [...]` reads them. */
class FakeIndex {
  readonly offers = new Map<string, Stored>();
  /** Ids read whole (not just id and stamp), per read. */
  readonly reads: string[][] = [];
  /** Offers dropped between the ranked search and the read of the missing ones. */
  goneBeforeRead = new Set<string>();

  search<T>(search: OfferIndexSearch): Promise<OfferIndexHits<T>> {
    const filter = search.filter?.[0];
    if (!filter) {
      const hits = [...this.offers].map(([id, { stamp }], rank) => ({ id, stamp, _rankingScore: 1 - rank / 100 }));
      return Promise.resolve({ hits } as unknown as OfferIndexHits<T>);
    }
    const ids = [...filter.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    this.reads.push(ids);
    const hits = ids
      .filter((id) => this.offers.has(id) && !this.goneBeforeRead.has(id))
      .map((id) => ({ id, ...this.offers.get(id)! }));
    return Promise.resolve({ hits } as unknown as OfferIndexHits<T>);
  }
}

function windowOver(index: FakeIndex): WindowHits {
  return new WindowHits(index as unknown as OfferIndex);
}

const titles = (hits: ReadonlyArray<{ hit: Hit }>): string[] => hits.map(({ hit }) => hit.title);

describe('WindowHits', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads whole only the offers it does not keep yet, and answers them in the ranked order with their scores', async () => {
    const index = new FakeIndex();
    index.offers.set('a', { stamp: 's1', title: 'Cariste' });
    index.offers.set('b', { stamp: 's1', title: 'Vendeur' });
    const window = windowOver(index);

    const first = await window.search({ vector: [1] });
    const second = await window.search({ vector: [1] });

    expect(titles(first)).toEqual(['Cariste', 'Vendeur']);
    expect(first.map(({ rankingScore }) => rankingScore)).toEqual([1, 0.99]);
    expect(index.reads).toEqual([['a', 'b']]);
    // The same kept object search after search (what is made of it once is kept beside it).
    expect(second[0].hit).toBe(first[0].hit);
  });

  it('reads again an offer whose stamp changed and answers its new content', async () => {
    const index = new FakeIndex();
    index.offers.set('a', { stamp: 's1', title: 'Cariste' });
    index.offers.set('b', { stamp: 's1', title: 'Vendeur' });
    const window = windowOver(index);
    await window.search({ vector: [1] });

    index.offers.set('a', { stamp: 's2', title: 'Cariste CACES 3' });
    const hits = await window.search({ vector: [1] });

    expect(titles(hits)).toEqual(['Cariste CACES 3', 'Vendeur']);
    expect(index.reads).toEqual([['a', 'b'], ['a']]);
  });

  it('leaves out an offer gone between the ranked search and the read, rather than showing it stale', async () => {
    const index = new FakeIndex();
    index.offers.set('a', { stamp: 's1', title: 'Cariste' });
    index.offers.set('b', { stamp: 's1', title: 'Vendeur' });
    index.goneBeforeRead.add('a');

    const hits = await windowOver(index).search({ vector: [1] });

    expect(titles(hits)).toEqual(['Vendeur']);
  });

  it('reads again an unchanged offer kept for longer than ten minutes', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z') });
    const index = new FakeIndex();
    index.offers.set('a', { stamp: 's1', title: 'Cariste' });
    const window = windowOver(index);
    await window.search({ vector: [1] });

    jest.setSystemTime(new Date('2026-12-05T08:09:59Z'));
    await window.search({ vector: [1] });
    expect(index.reads).toEqual([['a']]);

    jest.setSystemTime(new Date('2026-12-05T08:10:01Z'));
    await window.search({ vector: [1] });
    expect(index.reads).toEqual([['a'], ['a']]);
  });
});
