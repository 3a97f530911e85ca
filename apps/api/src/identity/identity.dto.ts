import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Omittable } from '../common/omittable.decorator.js';
import { NotBlank } from '../common/not-blank.decorator.js';
import { CalendarDateTime } from '../common/date-field.js';
import { PASSWORD_MAX_LENGTH, ROLES, STRUCTURE_KINDS, type Role, type StructureKind } from '@passerelle/identity';

export { IdParam } from '../common/id-param.js';

export class LoginRequest {
  @ApiProperty({ example: 'coach@cd59.fr' }) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @Length(1, PASSWORD_MAX_LENGTH) password!: string;
  @ApiPropertyOptional({ example: '123456', description: 'required when the account has a second factor' })
  @Omittable()
  @Matches(/^\d{6}$/, { message: 'totpCode must be 6 digits' })
  totpCode?: string;
}

export class SsoExchangeRequest {
  @ApiProperty({ description: 'the one-time code the SSO callback gave the web application' })
  @IsString()
  @Length(20, 100)
  code!: string;
}

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @Length(1, PASSWORD_MAX_LENGTH) currentPassword!: string;
  @ApiProperty() @IsString() @Length(1, PASSWORD_MAX_LENGTH) newPassword!: string;
}

export class TotpConfirmRequest {
  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/, { message: 'code must be 6 digits' }) code!: string;
}

export class CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @Length(1, 200) @NotBlank() displayName!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') structureId!: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
  @ApiPropertyOptional({ description: 'omit to generate a temporary password, shown once' })
  @Omittable()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UpdateUserRequest {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 200) @NotBlank() displayName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') structureId?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @Omittable()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ enum: ['active', 'disabled'] }) @Omittable() @IsIn(['active', 'disabled']) status?:
    'active' | 'disabled';
}

export class PageQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') structureId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @Omittable() @IsIn(ROLES) role?: Role;
}

export class CreateStructureRequest {
  @ApiProperty({ example: 'Unité territoriale de Lille' }) @IsString() @Length(1, 200) @NotBlank() name!: string;
  @ApiProperty({ enum: STRUCTURE_KINDS }) @IsIn(STRUCTURE_KINDS) kind!: StructureKind;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') parentId?: string;
}

export class AuditQueryParams extends PageQuery {
  @ApiPropertyOptional({ example: 'user' }) @Omittable() @IsString() @Length(1, 50) subjectType?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 100) subjectId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') actorUserId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @Omittable() @CalendarDateTime() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @Omittable() @CalendarDateTime() to?: string;
}

export class SettingKeyParam {
  @ApiProperty({ example: 'coaching.portfolio_cap' })
  @Matches(/^[a-z][a-z0-9_.]{1,99}$/, { message: 'key names a setting, e.g. coaching.portfolio_cap' })
  key!: string;
}

export class ChangeSettingRequest {
  @ApiProperty({ description: 'a whole number within the setting’s bounds', example: 35 })
  @IsInt({ message: 'value must be a whole number' })
  value!: number;
}
