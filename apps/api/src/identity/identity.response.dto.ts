import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SettingView } from '@passerelle/core';
import {
  ROLES,
  STRUCTURE_KINDS,
  type AuditEventView,
  type Role,
  type Session,
  type StructureKind,
  type StructureView,
  type TotpEnrolment,
  type UserView,
} from '@passerelle/identity';

export class LoginMethodsResponse {
  @ApiProperty() password!: boolean;
  @ApiProperty({ description: 'an SSO (OpenID Connect) is configured' }) sso!: boolean;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) structureId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty() ssoLinked!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({
    description:
      'this session may only enrol a second factor (the role requires one, the account has none yet); said by GET /auth/me and the session answers, false elsewhere',
  })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(user: UserView, totpEnrolmentRequired = false): UserResponse {
    return Object.assign(new UserResponse(), {
      ...user,
      totpEnrolmentRequired,
      roles: [...user.roles],
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    });
  }
}

/** The refresh token is not here: it travels only in the HttpOnly cookie `passerelle_refresh`. */
export class SessionResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty({ description: 'the roles require a second factor: only enrolment is allowed until then' })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({
    type: UserResponse,
    description:
      'the signed-in user, as GET /auth/me answers it for this session: a page opened with a refresh needs no second request',
  })
  user!: UserResponse;

  static from(session: Session): SessionResponse {
    const { accessToken, tokenType, expiresIn, totpEnrolmentRequired } = session;
    return Object.assign(new SessionResponse(), {
      accessToken,
      tokenType,
      expiresIn,
      totpEnrolmentRequired,
      user: UserResponse.from(session.user, totpEnrolmentRequired),
    });
  }
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty() total!: number;
}

export class CreatedUserResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'shown once, when none was given' })
  temporaryPassword!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Date,
    description: 'when the temporary password stops working (AUTH_TEMPORARY_PASSWORD_TTL_HOURS)',
  })
  temporaryPasswordExpiresAt!: Date | null;
}

export class TemporaryPasswordResponse {
  @ApiProperty({ description: 'shown once' }) temporaryPassword!: string;
  @ApiProperty({ description: 'when it stops working: the user must have chosen their own password by then' })
  expiresAt!: Date;
}

export class TotpEnrolmentResponse {
  @ApiProperty({ description: 'base32 secret, for manual entry' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// URI, for a QR code' }) otpauthUri!: string;

  static from(enrolment: TotpEnrolment): TotpEnrolmentResponse {
    return Object.assign(new TotpEnrolmentResponse(), enrolment);
  }
}

export class StructureResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STRUCTURE_KINDS }) kind!: StructureKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(structure: StructureView): StructureResponse {
    return Object.assign(new StructureResponse(), { ...structure, createdAt: structure.createdAt.toISOString() });
  }
}

export class AuditEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorStructureId!: string | null;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ example: 'read' }) action!: string;
  @ApiProperty({ example: 'user' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ nullable: true, type: String }) subjectStructureId!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;

  static from(event: AuditEventView): AuditEventResponse {
    return Object.assign(new AuditEventResponse(), {
      ...event,
      actorRoles: [...event.actorRoles],
      occurredAt: event.occurredAt.toISOString(),
    });
  }
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items!: AuditEventResponse[];
  @ApiProperty() total!: number;
}

export class SettingResponse {
  @ApiProperty({ example: 'coaching.portfolio_cap' }) key!: string;
  @ApiProperty({ description: 'the environment variable it starts from', example: 'PORTFOLIO_CAP' }) env!: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], description: 'the value in force' })
  value!: number | string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], description: 'what a reset returns to' })
  environmentValue!: number | string;
  @ApiProperty({ description: 'false: set by the deployment’s environment only' }) editable!: boolean;
  @ApiProperty({ nullable: true, type: Number }) min!: number | null;
  @ApiProperty({ nullable: true, type: Number }) max!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['people', 'months', 'days', 'hours'] }) unit!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) changedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) changedBy!: string | null;

  static from(view: SettingView): SettingResponse {
    return Object.assign(new SettingResponse(), { ...view, changedAt: view.changedAt?.toISOString() ?? null });
  }
}
