import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { EMPLOYER_FOLLOW_UP_LINK_DAYS, EMPLOYER_FOLLOW_UP_LINK_MAX_DAYS } from '@passerelle/outcomes';
import { IdParam } from '../common/id-param.js';
import { Omittable } from '../common/omittable.decorator.js';

export class EmployerFollowUpLinkRequest {
  @ApiProperty({ format: 'uuid', description: 'the employer contact (with an e-mail) the form is sent to' })
  @IsUUID('all')
  contactId!: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: EMPLOYER_FOLLOW_UP_LINK_MAX_DAYS,
    description: `days the link stays valid (${EMPLOYER_FOLLOW_UP_LINK_DAYS} by default)`,
  })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EMPLOYER_FOLLOW_UP_LINK_MAX_DAYS)
  days?: number;
}

export class EmployerFollowUpLinkParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') linkId!: string;
}

/**
 * The employer's form as the page posts it: every field text, none required here (the page says
 * what is missing, next to each field); lengths bounded above the form's own limits.
 */
export class EmployerFollowUpFormBody {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 10) stillEmployed?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 20) endDate?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 40) endReason?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 4000) remark?: string;
}
