import { describe, expect, it } from '@jest/globals';
import { employerFacingStaffName } from './staff-name.js';

describe('employerFacingStaffName', () => {
  it('gives the display name as the user record has it', () => {
    expect(employerFacingStaffName('Sacha Lemaire', 'staff.nord@test.passerelle.fr')).toBe('Sacha Lemaire');
    expect(employerFacingStaffName('  Camille Martin ', 'c.martin@cd59.fr')).toBe('Camille Martin');
  });

  it('never gives a login: the e-mail, its part before the @ (any case), or anything with an @', () => {
    expect(employerFacingStaffName('staff.nord', 'staff.nord@test.passerelle.fr')).toBeNull();
    expect(employerFacingStaffName('Staff.Nord', 'staff.nord@test.passerelle.fr')).toBeNull();
    expect(employerFacingStaffName('staff.nord@test.passerelle.fr', 'staff.nord@test.passerelle.fr')).toBeNull();
    expect(employerFacingStaffName('Sacha <sacha@ailleurs.fr>', 'staff.nord@test.passerelle.fr')).toBeNull();
    expect(employerFacingStaffName('   ', 'staff.nord@test.passerelle.fr')).toBeNull();
  });
});
