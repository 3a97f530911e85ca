import { describe, expect, it } from '@jest/globals';
import { allowedNext, canMove, INTRODUCTION_STATUSES, isClosed, transitionProblems } from './introduction.js';

describe('introduction transitions', () => {
  it('walks the happy path from proposal to hire', () => {
    const path = ['proposed', 'accepted', 'card_sent', 'employer_interested', 'interview', 'trial', 'hired'] as const;
    for (let i = 1; i < path.length; i += 1) expect(canMove(path[i - 1], path[i])).toBe(true);
  });

  it('refuses skipping steps and moving out of a closed introduction', () => {
    expect(canMove('proposed', 'hired')).toBe(false);
    expect(canMove('card_sent', 'trial')).toBe(false);
    for (const closed of ['hired', 'declined', 'withdrawn'] as const) {
      expect(isClosed(closed)).toBe(true);
      for (const to of INTRODUCTION_STATUSES) expect(canMove(closed, to)).toBe(false);
    }
    expect(transitionProblems('hired', { to: 'withdrawn' })[0]).toEqual({
      field: 'to',
      reason: 'cannot go from hired to withdrawn (closed)',
    });
  });

  it('a withdrawal is possible from every open status', () => {
    for (const status of INTRODUCTION_STATUSES.filter((s) => !isClosed(s)))
      expect(allowedNext(status)).toContain('withdrawn');
  });

  it('asks for what each move needs', () => {
    expect(transitionProblems('employer_interested', { to: 'interview' }).map((p) => p.field)).toEqual([
      'interviewAt',
      'interviewPlace',
    ]);
    expect(
      transitionProblems('interview', { to: 'trial', trialStart: '2026-12-10', trialEnd: '2026-12-01' }).map(
        (p) => p.field,
      ),
    ).toEqual(['trialEnd']);
    expect(transitionProblems('card_sent', { to: 'declined' }).map((p) => p.field)).toEqual(['declineReason']);
    expect(transitionProblems('card_sent', { to: 'declined', declineReason: 'schedule' })).toEqual([]);
  });
});
