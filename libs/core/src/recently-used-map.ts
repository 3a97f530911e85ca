/**
 * A map of at most `max` entries that drops one not read lately first (second chance, the "clock"
 * approximation of least recently used): a read only marks its entry; when room is needed, the oldest
 * entry put is dropped unless it was read since it was put or last passed over, in which case it is
 * unmarked and put at the newest end. Reverse matching looks up a whole pool of 1,600 people per
 * list: moving each entry on its reads (delete and set again) cost more than the scoring, and still
 * did every list once a list touched more than the quarter of `max` a read used to wait for.
 */
export class RecentlyUsedMap<K, V> {
  private readonly entries = new Map<K, { value: V; read: boolean }>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    kept.read = true;
    return kept.value;
  }

  /** Puts `value` at the newest end, first dropping an entry not read lately when `max` are kept. */
  set(key: K, value: V): void {
    if (!this.entries.delete(key)) {
      // Ends: every entry passed over is unmarked, so a full turn at most finds one to drop.
      while (this.entries.size >= this.max) {
        const [oldestKey, oldest] = this.entries.entries().next().value!;
        this.entries.delete(oldestKey);
        if (!oldest.read) break;
        oldest.read = false;
        this.entries.set(oldestKey, oldest);
      }
    }
    this.entries.set(key, { value, read: false });
  }

  clear(): void {
    this.entries.clear();
  }
}
