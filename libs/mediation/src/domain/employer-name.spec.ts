import { describe, expect, it } from '@jest/globals';
import { employerNameKey } from './employer-name.js';

describe('employerNameKey', () => {
  it('reads one employer under its accents, case, punctuation and legal form', () => {
    expect(employerNameKey('PROPRETE  SERVICES-NORD SAS')).toBe(employerNameKey('Propreté Services Nord'));
    expect(employerNameKey('Cœur & Mains, SARL')).toBe('coeur et mains');
  });

  it('keeps different names apart', () => {
    expect(employerNameKey('Boulangerie Paul')).not.toBe(employerNameKey('Boulangerie Paule'));
  });

  it('is empty when the name says nothing', () => {
    expect(employerNameKey(' — SAS ')).toBe('');
  });
});
