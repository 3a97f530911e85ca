/** One request a demo server received, for tests that assert crawling politeness. */
export interface DemoRequestRecord {
  /** Epoch milliseconds when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** Query string with its `?`, or empty. */
  readonly query: string;
  readonly userAgent?: string;
  /** Carried If-None-Match or If-Modified-Since. */
  readonly conditional: boolean;
  /** Set when the response is finished. */
  status?: number;
}

// Keeps memory bounded during benchmarks; counts stay exact beyond it.
const MAX_RECORDS = 200_000;

export class RequestLog {
  private records: DemoRequestRecord[] = [];
  private readonly counts = new Map<string, number>();

  record(record: DemoRequestRecord): DemoRequestRecord {
    if (this.records.length >= MAX_RECORDS) this.records = this.records.slice(MAX_RECORDS / 2);
    this.records.push(record);
    const keys = record.query === '' ? [record.path] : [record.path, `${record.path}${record.query}`];
    for (const key of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return record;
  }

  /**
   * Requests for exactly this path; a path with a query string (`/nordemploi/offres?page=2`) counts
   * only that query.
   */
  count(path: string): number {
    return this.counts.get(path) ?? 0;
  }

  /** Requests for this path and everything below it (`/nordemploi/offres/`). */
  countUnder(prefix: string): number {
    return this.records.filter((record) => record.path.startsWith(prefix)).length;
  }

  entries(): readonly DemoRequestRecord[] {
    return this.records;
  }

  reset(): void {
    this.records = [];
    this.counts.clear();
  }
}
