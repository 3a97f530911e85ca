import { describe, expect, it } from '@jest/globals';
import { RejectionTally, rejectionKind, SYSTEMIC_REJECTION } from './rejection-verdict.js';

function tally(
  accepted: number,
  rejections: Array<[field: string | null, reason: string, count: number]>,
): RejectionTally {
  const result = new RejectionTally();
  for (let index = 0; index < accepted; index++) result.accept();
  for (const [field, reason, count] of rejections)
    for (let index = 0; index < count; index++) result.reject(field, reason);
  return result;
}

describe('rejectionKind', () => {
  it('drops the particulars after the first colon, so one cause with many values is one reason', () => {
    expect(rejectionKind('location', 'unknown place: 64 - Pau')).toBe('location: unknown place');
    expect(rejectionKind('location', 'unknown place: Lille (59000)')).toBe('location: unknown place');
    expect(rejectionKind('page', 'HTTP 404')).toBe('page: HTTP 404');
    expect(rejectionKind(null, 'no schema.org JobPosting')).toBe('no schema.org JobPosting');
  });
});

describe('RejectionTally.systemicFailure', () => {
  it('fails a run whose 600 offers are all unknown places (reference data missing), with a hint to seed', () => {
    const places = ['64 - Pau', '59 - Lille', '75 - Paris 10e'];
    const result = new RejectionTally();
    for (let index = 0; index < 600; index++) result.reject('location', `unknown place: ${places[index % 3]}`);
    expect(result.systemicFailure()).toBe(
      '600 of 600 offers rejected, 600 for the same reason: location: unknown place (e.g. "unknown place: 64 - Pau"); ' +
        'is the reference data (communes) imported? run: npm run cli -- seed',
    );
  });

  it('fails a run at 90 % rejected for one reason, and not at 89 %', () => {
    expect(tally(10, [['title', 'missing: nothing matches h1', 90]]).systemicFailure()).toContain(
      '90 of 100 offers rejected, 90 for the same reason: title: missing',
    );
    expect(tally(11, [['title', 'missing: nothing matches h1', 89]]).systemicFailure()).toBeNull();
  });

  it('does not fail a run whose rejections are spread over many reasons (each offer its own fault)', () => {
    const result = tally(0, [
      ['title', 'missing', 30],
      ['description', 'missing', 30],
      ['location', 'unknown place: Atlantis', 30],
      ['page', 'HTTP 404', 10],
    ]);
    expect(result.systemicFailure()).toBeNull();
  });

  it('does not judge a run smaller than the minimum, even when every offer was rejected', () => {
    const below = SYSTEMIC_REJECTION.minOffers - 1;
    expect(tally(0, [['location', 'unknown place: Pau', below]]).systemicFailure()).toBeNull();
    expect(tally(0, [['location', 'unknown place: Pau', below + 1]]).systemicFailure()).not.toBeNull();
  });

  it('does not fail a healthy run with a few rejections', () => {
    expect(tally(580, [['location', 'unknown place: Pau', 20]]).systemicFailure()).toBeNull();
    expect(tally(0, []).systemicFailure()).toBeNull();
  });
});
