import { Injectable } from '@nestjs/common';
import { CommonPasswords } from '../application/ports/common-passwords.js';

/**
 * The 49,233 most common passwords (zxcvbn-ts's list, from leaked password dumps), loaded on the
 * first password chosen rather than at start: it costs about 100 ms and 10 MB, and most processes
 * (the worker, most CLI commands) never check a password.
 */
@Injectable()
export class ZxcvbnCommonPasswords extends CommonPasswords {
  private loading: Promise<ReadonlySet<string>> | undefined;

  list(): Promise<ReadonlySet<string>> {
    this.loading ??= import('@zxcvbn-ts/language-common').then(
      ({ dictionary }) => new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase())),
    );
    return this.loading;
  }
}
