import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from '../application/ports/password-hasher.js';

// argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane). @node-rs/argon2 ships
// prebuilt binaries per platform as npm packages: the `argon2` package's prebuild crashed (SIGSEGV)
// on a clean install here, and compiling it needs a toolchain CI may not have.
const OPTIONS = {
  // 2 = Argon2id in the package's const enum, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  // Verified against when the account does not exist, so a wrong e-mail takes as long as a wrong password.
  private readonly decoy = hash('decoy password that matches nothing', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
