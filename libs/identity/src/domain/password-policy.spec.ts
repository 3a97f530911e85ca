import { describe, expect, it } from '@jest/globals';
import {
  COMMON_PASSWORD_REASON,
  commonPasswordProblem,
  PERSONAL_PASSWORD_REASON,
  passwordCores,
  passwordProblem,
} from './password-policy.js';

// A few entries of the real list (lower case), enough to exercise the variants.
const COMMON = new Set(['motdepasse', 'azerty', 'password', 'soleil', 'qwerty123456', 'marseille', 'abc']);
const owner = { email: 'jean.dupont@cd59.fr', displayName: 'Jean Dupont' };

describe('passwordProblem', () => {
  it('refuses a short password and one containing the e-mail', () => {
    expect(passwordProblem('short', owner.email)).toBe('must be at least 12 characters long');
    expect(passwordProblem('xx-jean.dupont-xx', owner.email)).toBe('must not contain the e-mail address');
  });
});

describe('commonPasswordProblem', () => {
  it.each([
    ['qwerty123456', 'a listed password as is'],
    ['QWERTY123456', 'in capitals'],
    ['Motdepasse2024!', 'a listed word with digits and symbols after it'],
    ['2024!!Motdepasse', 'with digits and symbols before it'],
    ['P@ssw0rd12345', 'in leetspeak'],
    ['azertyazerty', 'repeated'],
    ['mot de passe 2024', 'split by spaces'],
    ['Mot.de.Passe.2024', 'split by dots'],
    ['Marseille13000', 'a listed city with its postcode'],
  ])('refuses %j (%s)', (password) => {
    expect(commonPasswordProblem(password, owner, COMMON)).toBe(COMMON_PASSWORD_REASON);
  });

  it.each([
    ['Dupont59000!!', 'the surname with digits'],
    ['jeandupont1234', 'the e-mail without its dot'],
    ['Passerelle2024!', 'the application’s name'],
  ])('refuses %j (%s)', (password) => {
    expect(commonPasswordProblem(password, owner, COMMON)).toBe(PERSONAL_PASSWORD_REASON);
  });

  it.each([
    'correct horse battery staple',
    'une phrase de passe bien longue',
    'abc-9f3k-vt7q-ppw2',
    'soleil levant sur la mer du nord',
  ])('accepts %j: a common word inside a longer passphrase is not a variant of it', (password) => {
    expect(commonPasswordProblem(password, owner, COMMON)).toBeNull();
  });

  it('derives forms from words of at least 4 letters only (the list holds very short entries)', () => {
    expect(passwordCores('abc123456789!')).not.toContain('abc');
  });
});
