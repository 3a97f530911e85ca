import { describe, expect, it } from '@jest/globals';
import { capDecision, cerOutcomeOfClosure, closureProblems, unpairedCvDeposit } from './beneficiary.js';

describe('the portfolio cap', () => {
  it('lets a coach under the cap take one more, overriding nothing', () => {
    expect(capDecision(39, 40, false, null)).toEqual({ kind: 'assign', overriding: false, reason: null });
    expect(capDecision(39, 40, true, null)).toEqual({ kind: 'assign', overriding: false, reason: null });
  });

  it('refuses a full portfolio unless overridden, and an override needs its reason', () => {
    expect(capDecision(40, 40, false, 'urgent')).toEqual({ kind: 'full' });
    expect(capDecision(40, 40, true, '  ')).toEqual({ kind: 'reason_required' });
    expect(capDecision(40, 40, true, ' retour de congé ')).toEqual({
      kind: 'assign',
      overriding: true,
      reason: 'retour de congé',
    });
  });
});

describe('closing a coaching', () => {
  it('gives the running CER the outcome the closure says', () => {
    expect(cerOutcomeOfClosure({ status: 'reoriented', on: '2026-11-01', reorientedTo: 'CD' })).toBe('reoriented');
    expect(cerOutcomeOfClosure({ status: 'ended', on: '2026-11-01', exitReason: 'job' })).toBe('exit_job');
    expect(cerOutcomeOfClosure({ status: 'ended', on: '2026-11-01', exitReason: 'training' })).toBe('exit_training');
    expect(cerOutcomeOfClosure({ status: 'ended', on: '2026-11-01', exitReason: 'moved' })).toBe('exit_other');
  });

  it('closes only an active coaching, with its reason, between the orientation and today', () => {
    const person = { status: 'ended' as const, orientationDate: '2026-10-01' };
    expect(closureProblems(person, { status: 'ended', on: '2026-09-30' }, '2026-11-25').map((p) => p.field)).toEqual([
      'status',
      'exitReason',
      'on',
    ]);
  });
});

describe('a CV deposit', () => {
  it('is a platform and a date, both or neither', () => {
    expect(unpairedCvDeposit(null, null)).toBeNull();
    expect(unpairedCvDeposit('nordemploi', '2026-11-01')).toBeNull();
    expect(unpairedCvDeposit(null, '2026-11-01')).toBe('cvPlatform');
    expect(unpairedCvDeposit('nordemploi', null)).toBe('cvDepositedOn');
  });
});
