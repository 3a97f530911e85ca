import type { Role, StructureKind } from '../domain/roles.js';
import type { Structure } from './ports/structure-store.js';
import type { User } from './ports/user-store.js';

/** A user as use cases return it: never the password hash or second-factor secret. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly structureId: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'disabled';
  readonly totpEnabled: boolean;
  readonly ssoLinked: boolean;
  readonly mustChangePassword: boolean;
  readonly lastLoginAt: Date | null;
  readonly createdAt: Date;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    structureId: user.structureId,
    roles: user.roles,
    status: user.status,
    totpEnabled: user.totpEnabledAt !== null,
    ssoLinked: user.oidcSubject !== null,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

export interface StructureView {
  readonly id: string;
  readonly name: string;
  readonly kind: StructureKind;
  readonly parentId: string | null;
  readonly createdAt: Date;
}

export function toStructureView(structure: Structure): StructureView {
  return {
    id: structure.id,
    name: structure.name,
    kind: structure.kind,
    parentId: structure.parentId,
    createdAt: structure.createdAt,
  };
}
