import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { UserDirectory, type UserPageQuery } from '../application/ports/user-directory.js';
import { type User, type UserChanges, type UserDraft, UserStore } from '../application/ports/user-store.js';
import { aUser } from './builders.js';

/**
 * Accounts in a map. Reads hand out copies, as a database would: a use case's change to an account
 * counts only once it saves or updates it.
 */
export class InMemoryUserStore extends UserStore {
  private readonly users = new Map<string, User>();

  constructor(users: readonly User[] = []) {
    super();
    for (const user of users) this.users.set(user.id, { ...user });
  }

  /** The stored account (for assertions); throws when there is none. */
  stored(id: string): User {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id} in the in-memory store`);
    return { ...user };
  }

  all(): User[] {
    return [...this.users.values()].map((user) => ({ ...user }));
  }

  byId(_manager: EntityManager, id: string): Promise<User | null> {
    const user = this.users.get(id);
    return Promise.resolve(user ? { ...user } : null);
  }

  byEmail(_manager: EntityManager, email: string): Promise<User | null> {
    const user = [...this.users.values()].find((candidate) => candidate.email === email);
    return Promise.resolve(user ? { ...user } : null);
  }

  async idByEmail(manager: EntityManager, email: string): Promise<string | null> {
    return (await this.byEmail(manager, email))?.id ?? null;
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return (await this.byEmail(manager, email)) !== null;
  }

  bySsoSubject(_manager: EntityManager, issuer: string, subject: string): Promise<User | null> {
    const user = [...this.users.values()].find(
      (candidate) => candidate.oidcIssuer === issuer && candidate.oidcSubject === subject,
    );
    return Promise.resolve(user ? { ...user } : null);
  }

  count(): Promise<number> {
    return Promise.resolve(this.users.size);
  }

  create(_manager: EntityManager, draft: UserDraft): Promise<User> {
    const now = new Date();
    const user = aUser({ ...draft, id: randomUUID(), lastLoginAt: null, createdAt: now, updatedAt: now });
    this.users.set(user.id, user);
    return Promise.resolve({ ...user });
  }

  save(_manager: EntityManager, user: User): Promise<User> {
    const saved = { ...user, updatedAt: new Date() };
    this.users.set(user.id, saved);
    return Promise.resolve({ ...saved });
  }

  update(_manager: EntityManager, id: string, changes: UserChanges): Promise<void> {
    const user = this.users.get(id);
    if (user) this.users.set(id, { ...user, ...changes, updatedAt: new Date() });
    return Promise.resolve();
  }
}

/** Pages and sweeps over an InMemoryUserStore's accounts. */
export class InMemoryUserDirectory extends UserDirectory {
  constructor(private readonly users: InMemoryUserStore) {
    super();
  }

  page(_manager: EntityManager, query: UserPageQuery): Promise<[User[], number]> {
    const matching = this.users
      .all()
      .filter(
        (user) =>
          (query.self === undefined || user.id === query.self) &&
          (query.structureIds === null || query.structureIds.includes(user.structureId)) &&
          (query.structureId === undefined || user.structureId === query.structureId) &&
          (query.role === undefined || (user.roles as readonly string[]).includes(query.role)),
      )
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    return Promise.resolve([matching.slice(query.offset, query.offset + query.limit), matching.length]);
  }

  plainTotpSecrets(): Promise<Array<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }>> {
    return Promise.resolve(
      this.users
        .all()
        .filter(
          (user) =>
            (user.totpSecret !== null && !user.totpSecret.startsWith('sealed:')) ||
            (user.totpPendingSecret !== null && !user.totpPendingSecret.startsWith('sealed:')),
        )
        .map((user) => ({ id: user.id, totp_secret: user.totpSecret, totp_pending_secret: user.totpPendingSecret })),
    );
  }

  setTotpSecrets(manager: EntityManager, id: string, secret: string | null, pending: string | null): Promise<void> {
    return this.users.update(manager, id, { totpSecret: secret, totpPendingSecret: pending });
  }
}
