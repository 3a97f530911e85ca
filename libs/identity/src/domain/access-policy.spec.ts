import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS, POLICY, accessMatrixMarkdown, isAllowed, scopeFor } from './access-policy.js';

describe('access policy', () => {
  it('denies by default: an action no role lists is refused to every role', () => {
    expect(isAllowed(['coach', 'platform_staff', 'manager'], 'users.manage')).toBe(false);
    expect(isAllowed([], 'profile.read')).toBe(false);
  });

  it('keeps administrators out of beneficiaries’ files', () => {
    expect(scopeFor(['admin'], 'beneficiaries.read')).toBeNull();
    expect(scopeFor(['admin'], 'beneficiaries.write')).toBeNull();
  });

  it('gives platform staff beneficiaries only through introductions', () => {
    expect(scopeFor(['platform_staff'], 'beneficiaries.read')).toBe('introductions');
  });

  it('takes the broadest scope when a user has several roles', () => {
    expect(scopeFor(['coach', 'manager'], 'users.read')).toBe('structure_tree');
    expect(scopeFor(['coach', 'manager'], 'beneficiaries.read')).toBe('structure_tree');
    expect(scopeFor(['coach'], 'beneficiaries.read')).toBe('portfolio');
  });

  it('lists a rule for every action', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('is the table the README shows', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const match = /<!-- access:start -->\n([\s\S]*?)\n<!-- access:end -->/.exec(readme);
    expect(match?.[1]).toBe(accessMatrixMarkdown());
  });
});
