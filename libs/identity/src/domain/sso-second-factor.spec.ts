import { describe, expect, it } from '@jest/globals';
import { ssoProvesSecondFactor } from './sso-second-factor.js';

describe('ssoProvesSecondFactor', () => {
  const rule = { mfaAmr: ['mfa'], mfaAcr: ['eidas2', 'eidas3'] };

  it('accepts an amr that names a configured multi-factor method', () => {
    expect(ssoProvesSecondFactor({ amr: ['pwd', 'otp', 'mfa'], acr: null }, rule)).toBe(true);
  });

  it('accepts a configured acr even without amr', () => {
    expect(ssoProvesSecondFactor({ amr: [], acr: 'eidas2' }, rule)).toBe(true);
  });

  it('refuses a password-only amr, a lower acr, and a token that says nothing', () => {
    expect(ssoProvesSecondFactor({ amr: ['pwd'], acr: 'eidas1' }, rule)).toBe(false);
    expect(ssoProvesSecondFactor({ amr: [], acr: null }, rule)).toBe(false);
  });

  it('does not take a single other method (otp alone) for a second factor unless configured', () => {
    expect(ssoProvesSecondFactor({ amr: ['otp'], acr: null }, rule)).toBe(false);
    expect(ssoProvesSecondFactor({ amr: ['otp'], acr: null }, { ...rule, mfaAmr: ['mfa', 'otp'] })).toBe(true);
  });
});
