import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RefreshToken, SecondFactor } from '../application/ports/refresh-token-store.js';

/** One refresh token of a session. Only its SHA-256 is stored; rotation chains a family. */
@Entity({ name: 'refresh_token' })
export class RefreshTokenEntity implements RefreshToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'family_id' }) familyId!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  /** When the user logged in: the same for every token of the family, the absolute lifetime counts from it. */
  @Column('timestamptz', { name: 'session_started_at' }) sessionStartedAt!: Date;
  /** How the login proved a second factor: a local TOTP code, the SSO's own (acr/amr), or none. */
  @Column('text', { name: 'second_factor', nullable: true }) secondFactor!: SecondFactor | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason!: string | null;
  @Column('uuid', { name: 'replaced_by', nullable: true }) replacedBy!: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
}
