import { describe, expect, it } from '@jest/globals';
import { temporaryPasswordExpired, temporaryPasswordExpiresAt } from './temporary-password.js';

const setAt = new Date('2026-12-01T08:00:00Z');
const hours = (n: number): Date => new Date(setAt.getTime() + n * 3_600_000);

describe('temporary passwords', () => {
  it('expire the configured number of hours after they were set', () => {
    const user = { mustChangePassword: true, passwordChangedAt: setAt };
    expect(temporaryPasswordExpiresAt(user, 72)).toEqual(hours(72));
    expect(temporaryPasswordExpired(user, 72, hours(71.9))).toBe(false);
    expect(temporaryPasswordExpired(user, 72, hours(72))).toBe(true);
  });

  it('do not apply to a password the user chose', () => {
    const user = { mustChangePassword: false, passwordChangedAt: setAt };
    expect(temporaryPasswordExpiresAt(user, 72)).toBeNull();
    expect(temporaryPasswordExpired(user, 72, hours(10_000))).toBe(false);
  });

  it('count as expired when the date they were set is unknown', () => {
    expect(temporaryPasswordExpired({ mustChangePassword: true, passwordChangedAt: null }, 72, setAt)).toBe(true);
  });
});
