import { setTimeout as sleep } from 'node:timers/promises';
import type { HostPacer } from './shared-host-pacer.js';

/**
 * Politeness per host: at most `concurrency` requests at once and at least `intervalMs` between two
 * request starts. The concurrency is kept in process; the spacing too, unless a shared pacer is given
 * (Redis: every worker fetching from the host then keeps to it together).
 */
export class HostLimiter {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private intervalMs: number,
    private readonly shared?: { readonly pacer: HostPacer; readonly host: string },
  ) {}

  /** Robots.txt may ask for a longer delay than the source's own rate. */
  slowDownTo(intervalMs: number): void {
    this.intervalMs = Math.max(this.intervalMs, intervalMs);
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      if (this.shared) {
        const wait = await this.shared.pacer.reserve(this.shared.host, this.intervalMs);
        if (wait > 0) await sleep(wait, undefined, { signal });
      } else {
        const now = Date.now();
        const start = Math.max(now, this.nextStart);
        this.nextStart = start + this.intervalMs;
        if (start > now) await sleep(start - now, undefined, { signal });
      }
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
