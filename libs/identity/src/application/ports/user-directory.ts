import type { EntityManager } from 'typeorm';
import type { User } from './user-store.js';

export interface UserPageQuery {
  /** Only this user (a reader whose scope is themselves). */
  readonly self?: string;
  /** The users of these structures (null: all). */
  readonly structureIds: readonly string[] | null;
  readonly structureId?: string;
  readonly role?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Reads and sweeps of accounts beyond one row. */
export abstract class UserDirectory {
  /** A page of users by name, and how many match. */
  abstract page(manager: EntityManager, query: UserPageQuery): Promise<[User[], number]>;

  /** Users with a TOTP secret (enrolled or pending) not yet sealed by the cipher. */
  abstract plainTotpSecrets(
    manager: EntityManager,
  ): Promise<Array<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }>>;

  abstract setTotpSecrets(
    manager: EntityManager,
    id: string,
    secret: string | null,
    pending: string | null,
  ): Promise<void>;
}
