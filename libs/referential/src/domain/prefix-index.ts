interface Keyed<T> {
  readonly key: string;
  readonly rank: number;
  readonly item: T;
}

/**
 * Suggestions for what a user is typing, over normalised keys kept sorted: a binary search finds
 * the labels starting with the prefix, then labels with a word starting with it fill the rest
 * (`soignant` finds `Aide-soignant`). Within each group the lower rank comes first.
 */
export class PrefixIndex<T> {
  private readonly entries: Keyed<T>[];

  constructor(entries: Iterable<Keyed<T>>) {
    this.entries = [...entries].filter((entry) => entry.key !== '').sort(byKey);
  }

  get size(): number {
    return this.entries.length;
  }

  /** `prefix` must already be normalised the way the keys were. */
  search(prefix: string, limit: number): T[] {
    if (prefix === '' || limit <= 0) return [];
    const starting: Keyed<T>[] = [];
    for (let i = this.lowerBound(prefix); i < this.entries.length; i += 1) {
      const entry = this.entries[i];
      if (!entry.key.startsWith(prefix)) break;
      starting.push(entry);
    }
    const results = starting.sort(byRank).slice(0, limit);
    // Word starts are scanned, not indexed: a few tens of thousands of keys take well under a
    // millisecond, and a short prefix would match too much to be worth it.
    if (results.length < limit && prefix.length >= 3) {
      const inWord = ` ${prefix}`;
      const within = this.entries.filter((entry) => entry.key.includes(inWord) && !entry.key.startsWith(prefix));
      results.push(...within.sort(byRank).slice(0, limit - results.length));
    }
    return results.map((entry) => entry.item);
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle].key < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function byKey<T>(a: Keyed<T>, b: Keyed<T>): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.rank - b.rank;
}

function byRank<T>(a: Keyed<T>, b: Keyed<T>): number {
  return a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
