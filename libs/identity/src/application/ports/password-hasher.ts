/** Password hashes: slow on purpose, salted, never reversible. */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;

  /** Whether `password` matches; an account without a hash (null) takes as long and matches nothing. */
  abstract verify(passwordHash: string | null, password: string): Promise<boolean>;
}
