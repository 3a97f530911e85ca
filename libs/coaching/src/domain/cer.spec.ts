import { describe, expect, it } from '@jest/globals';
import { cerOutcomeProblems, cerSigningProblems, renewalOf, withTerm } from './cer.js';

const today = '2026-11-25';
const cer = { signedOn: '2026-09-01', startDate: '2026-09-01', beneficiaryCommitments: [], serviceCommitments: [] };

describe('signing a CER', () => {
  it('takes the default length unless one is given, and ends that many months later', () => {
    expect(withTerm(cer, 3)).toMatchObject({ durationMonths: 3, endDate: '2026-12-01' });
    expect(withTerm({ ...cer, durationMonths: 6 }, 3)).toMatchObject({ durationMonths: 6, endDate: '2027-03-01' });
  });

  it('names every date out of order, and a coaching that is over', () => {
    const person = { status: 'ended' as const, orientationDate: '2026-10-01' };
    const problems = cerSigningProblems(person, { ...cer, startDate: '2026-08-01' }, today);
    expect(problems.map((problem) => problem.field)).toEqual(['status', 'startDate', 'signedOn']);
    expect(cerSigningProblems({ status: 'oriented', orientationDate: '2026-08-01' }, cer, today)).toEqual([]);
  });
});

describe('the outcome of a CER', () => {
  const running = { startDate: '2026-09-01', outcome: null };

  it('is recorded once, within the CER and not in the future', () => {
    expect(cerOutcomeProblems({ ...running, outcome: 'exit_job' }, { outcome: 'exit_job', on: today }, today)).toEqual([
      { field: 'outcome', reason: 'already recorded: exit_job' },
    ]);
    expect(cerOutcomeProblems(running, { outcome: 'exit_job', on: '2026-08-31' }, today)[0].field).toBe('on');
    expect(cerOutcomeProblems(running, { outcome: 'exit_job', on: '2026-11-26' }, today)[0].field).toBe('on');
  });

  it('asks a renewal for its next commitments and a reorientation for where to, and an exit reason only of exit_other', () => {
    expect(cerOutcomeProblems(running, { outcome: 'renewed', on: today }, today)[0].field).toBe('renewal');
    expect(cerOutcomeProblems(running, { outcome: 'reoriented', on: today }, today)[0].field).toBe('reorientedTo');
    expect(cerOutcomeProblems(running, { outcome: 'exit_job', on: today, exitReason: 'moved' }, today)[0].field).toBe(
      'exitReason',
    );
    expect(cerOutcomeProblems(running, { outcome: 'exit_other', on: today, exitReason: 'moved' }, today)).toEqual([]);
  });

  it('opens the renewed CER at the end of the current one, or on the renewal date when later', () => {
    const renewal = { beneficiaryCommitments: ['a'], serviceCommitments: ['b'] };
    expect(renewalOf({ endDate: '2026-12-01' }, { outcome: 'renewed', on: today, renewal })).toMatchObject({
      signedOn: today,
      startDate: '2026-12-01',
    });
    expect(renewalOf({ endDate: '2026-11-01' }, { outcome: 'renewed', on: today, renewal })).toMatchObject({
      startDate: today,
    });
  });
});
