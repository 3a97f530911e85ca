import type { EntityManager } from 'typeorm';
import type { Role } from '../../domain/roles.js';

export type UserStatus = 'active' | 'disabled';

/** An account as the `app_user` table holds it. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  structureId: string;
  roles: Role[];
  status: UserStatus;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an account is created with; the rest starts empty. */
export type UserDraft = Pick<
  User,
  | 'email'
  | 'displayName'
  | 'structureId'
  | 'roles'
  | 'status'
  | 'passwordHash'
  | 'passwordChangedAt'
  | 'mustChangePassword'
>;

/** What each request re-reads of its user. */
export type UserAccess = Pick<User, 'id' | 'structureId' | 'roles' | 'status' | 'mustChangePassword'>;

export type UserChanges = Partial<Omit<User, 'id' | 'createdAt' | 'updatedAt'>>;

/** One account at a time (`app_user`); each method works in the transaction of `manager`. */
export abstract class UserStore {
  abstract byId(manager: EntityManager, id: string): Promise<User | null>;

  /** `email` as stored: trimmed and lower case. */
  abstract byEmail(manager: EntityManager, email: string): Promise<User | null>;

  abstract idByEmail(manager: EntityManager, email: string): Promise<string | null>;

  abstract emailTaken(manager: EntityManager, email: string): Promise<boolean>;

  /** The account an SSO identity was linked to. */
  abstract bySsoSubject(manager: EntityManager, issuer: string, subject: string): Promise<User | null>;

  abstract count(manager: EntityManager): Promise<number>;

  abstract create(manager: EntityManager, draft: UserDraft): Promise<User>;

  /** Writes the account as given (the fields a use case changed on it). */
  abstract save(manager: EntityManager, user: User): Promise<User>;

  abstract update(manager: EntityManager, id: string, changes: UserChanges): Promise<void>;
}
