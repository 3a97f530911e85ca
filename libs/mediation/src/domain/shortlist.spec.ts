import { describe, expect, it } from '@jest/globals';
import { answerProblem, cardCountProblems, slotProblems } from './shortlist.js';

const now = new Date('2026-12-04T10:00:00Z');
const slot = (startsAt: string, endsAt: string) => ({
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  place: null,
});

describe('shortlist rules', () => {
  it('takes one to five distinct cards', () => {
    expect(cardCountProblems([])).toEqual([{ field: 'introductionIds', reason: 'between 1 and 5 cards' }]);
    expect(cardCountProblems(['a', 'b', 'c', 'd', 'e', 'f'])).toHaveLength(1);
    expect(cardCountProblems(['a', 'a'])).toEqual([
      { field: 'introductionIds', reason: 'lists an introduction twice' },
    ]);
    expect(cardCountProblems(['a', 'b', 'c'])).toEqual([]);
  });

  it('refuses a slot in the past, ending before it starts, or offered twice, naming it', () => {
    expect(slotProblems([slot('2026-12-03T08:00:00Z', '2026-12-03T09:00:00Z')], now)).toEqual([
      { field: 'slots[0].startsAt', reason: 'must be in the future' },
    ]);
    expect(slotProblems([slot('2026-12-08T09:00:00Z', '2026-12-08T08:00:00Z')], now)).toEqual([
      { field: 'slots[0].endsAt', reason: 'must be after startsAt' },
    ]);
    const twice = slot('2026-12-08T08:00:00Z', '2026-12-08T09:00:00Z');
    expect(slotProblems([twice, twice], now)).toEqual([{ field: 'slots', reason: 'lists a start twice' }]);
  });

  it('needs a slot offered or proposed to meet, a reason for "not now" and a text for a question', () => {
    const offered = [slot('2026-12-08T08:00:00Z', '2026-12-08T09:00:00Z')];
    expect(answerProblem({ answer: 'interested', slot: '2026-12-08T08:00:00.000Z' }, offered)).toBeNull();
    expect(answerProblem({ answer: 'interested', slot: '2026-12-09T08:00:00.000Z' }, offered)).toContain(
      'ne fait pas partie',
    );
    expect(answerProblem({ answer: 'interested', proposedSlot: 'lundi 9 h' }, offered)).toBeNull();
    expect(answerProblem({ answer: 'interested' }, offered)).toContain('Choisissez un créneau');
    expect(answerProblem({ answer: 'not_now' }, offered)).toContain('raison');
    expect(answerProblem({ answer: 'not_now', reason: 'distance' }, offered)).toBeNull();
    expect(answerProblem({ answer: 'question', message: '  ' }, offered)).toContain('question');
  });
});
