import { describe, expect, it } from '@jest/globals';
import { checkpointDates, dueInstant, isDurable } from './outcomes.js';

describe('outcomes rules', () => {
  it('a durable job is a CDI or a fixed-term contract of six months or more', () => {
    expect(isDurable('cdi', null)).toBe(true);
    expect(isDurable('cdd', 6)).toBe(true);
    expect(isDurable('cdd', 5.9)).toBe(false);
    expect(isDurable('cdd', null)).toBe(false);
    expect(isDurable('interim', 8)).toBe(true);
    expect(isDurable('independant', 24)).toBe(false);
    expect(isDurable('other', 12)).toBe(false);
  });

  it('checkpoints fall one, three and six months on, clamped to the month’s end', () => {
    expect(checkpointDates('2026-01-31')).toEqual({ m1: '2026-02-28', m3: '2026-04-30', m6: '2026-07-31' });
    expect(checkpointDates('2026-09-15')).toEqual({ m1: '2026-10-15', m3: '2026-12-15', m6: '2027-03-15' });
    expect(checkpointDates('2028-01-30').m1).toBe('2028-02-29');
  });

  it('a checkpoint is due at midnight Paris time, summer or winter', () => {
    expect(dueInstant('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(dueInstant('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });
});
