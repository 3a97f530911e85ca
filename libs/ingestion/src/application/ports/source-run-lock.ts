/** One run per source at a time, across every process. */
export abstract class SourceRunLock {
  /** Runs `work` holding the source's run lock; null at once when another run holds it. */
  abstract hold<T>(sourceId: string, work: () => Promise<T>): Promise<{ result: T } | null>;
}
