import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../domain/roles.js';
import type { User, UserStatus } from '../application/ports/user-store.js';

@Entity({ name: 'app_user' })
export class UserEntity implements User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('uuid', { name: 'structure_id' }) structureId!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('text') status!: UserStatus;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
  @Column('boolean', { name: 'must_change_password' }) mustChangePassword!: boolean;
  @Column('text', { name: 'totp_secret', nullable: true }) totpSecret!: string | null;
  @Column('text', { name: 'totp_pending_secret', nullable: true }) totpPendingSecret!: string | null;
  @Column('timestamptz', { name: 'totp_enabled_at', nullable: true }) totpEnabledAt!: Date | null;
  // bigint comes back as a string from pg; time steps fit easily in a JS number.
  @Column('bigint', {
    name: 'totp_last_step',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  totpLastStep!: number | null;
  @Column('text', { name: 'oidc_issuer', nullable: true }) oidcIssuer!: string | null;
  @Column('text', { name: 'oidc_subject', nullable: true }) oidcSubject!: string | null;
  @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
