import { Injectable } from '@nestjs/common';

/**
 * The time as the application sees it, where a rule depends on it (follow-up checkpoints fall due).
 * Production reads the system clock; tests set it to a chosen instant, from which it keeps running.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Tests: from now on, `now()` starts at `at` and runs on. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
