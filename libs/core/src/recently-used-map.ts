/**
 * A map of at most `max` entries that drops the least recently used first. A hit moves its entry to
 * the newest end only when the entry is no longer among the newest quarter (`max / 4` moves ago or
 * more): reverse matching looks up a whole pool of 1,600 people per list, and moving each entry on
 * every hit cost more than the scoring. So an entry used within about three quarters of `max` moves
 * is never dropped.
 */
export class RecentlyUsedMap<K, V> {
  private readonly entries = new Map<K, { value: V; moved: number }>();
  /** Entries put at the newest end so far. */
  private moves = 0;

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    if (this.moves - kept.moved > this.max / 4) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      kept.moved = this.moves += 1;
    }
    return kept.value;
  }

  /** Puts `value` at the newest end, dropping the oldest entry when past `max`. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, moved: (this.moves += 1) });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
