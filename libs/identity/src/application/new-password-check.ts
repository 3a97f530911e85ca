import { Injectable } from '@nestjs/common';
import { commonPasswordProblem, type PasswordOwner, passwordProblem } from '../domain/password-policy.js';
import { CommonPasswords } from './ports/common-passwords.js';
import { identityError } from '../domain/identity-errors.js';

/**
 * Every password a person chooses (account creation, first administrator, own change) passes here:
 * the length rules, then the common-password list. Generated temporary passwords skip it (random).
 */
@Injectable()
export class NewPasswordCheck {
  constructor(private readonly common: CommonPasswords) {}

  async assertAcceptable(password: string, owner: PasswordOwner, field: string): Promise<void> {
    const problem = passwordProblem(password, owner.email);
    if (problem) {
      throw identityError('user.weak_password', `password ${problem}`, [{ field, reason: problem }]);
    }
    const common = commonPasswordProblem(password, owner, await this.common.list());
    if (common) {
      throw identityError('user.common_password', `password ${common}`, [{ field, reason: common }]);
    }
  }
}
