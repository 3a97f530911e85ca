import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Politeness per host: at most `concurrency` requests at once and at least `intervalMs` between two
 * request starts. Kept in process: one worker runs one source's run at a time (see the README).
 */
export class HostLimiter {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private intervalMs: number,
  ) {}

  /** Robots.txt may ask for a longer delay than the source's own rate. */
  slowDownTo(intervalMs: number): void {
    this.intervalMs = Math.max(this.intervalMs, intervalMs);
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      const now = Date.now();
      const start = Math.max(now, this.nextStart);
      this.nextStart = start + this.intervalMs;
      if (start > now) await sleep(start - now, undefined, { signal });
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
