import type { EntityManager } from 'typeorm';

/** How a login proved a second factor: a local TOTP code, or the SSO's own (acr/amr). */
export type SecondFactor = 'totp' | 'sso';

/** One refresh token of a session (`refresh_token`). Only its SHA-256 is stored; rotation chains a family. */
export interface RefreshToken {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  /** When the user logged in: the same for every token of the family, the absolute lifetime counts from it. */
  sessionStartedAt: Date;
  secondFactor: SecondFactor | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  replacedBy: string | null;
  userAgent: string | null;
  ip: string | null;
}

export type RefreshTokenDraft = Pick<
  RefreshToken,
  'userId' | 'familyId' | 'tokenHash' | 'sessionStartedAt' | 'secondFactor' | 'expiresAt' | 'userAgent' | 'ip'
>;

/** Refresh tokens, that is sessions; each method works in the transaction of `manager`. */
export abstract class RefreshTokenStore {
  abstract create(manager: EntityManager, draft: RefreshTokenDraft): Promise<RefreshToken>;

  abstract byHash(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null>;

  /** The token, locked until the transaction ends (two refreshes of one token take turns). */
  abstract lockByHash(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null>;

  /** Revokes the live tokens of a session. */
  abstract revokeFamily(manager: EntityManager, familyId: string, reason: string, at: Date): Promise<void>;

  /** Revokes a token replaced by the rotation. */
  abstract markRotated(manager: EntityManager, id: string, replacedBy: string, at: Date): Promise<void>;

  /** Revokes the live tokens of every session of the user, but the session `exceptFamilyId` when given. */
  abstract revokeUserSessions(
    manager: EntityManager,
    userId: string,
    reason: string,
    at: Date,
    exceptFamilyId?: string,
  ): Promise<void>;
}
