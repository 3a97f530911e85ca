import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IdParam } from '../common/id-param.js';
import { Omittable } from '../common/omittable.decorator.js';

export class NeedLinkRequest {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    description: 'days the link stays valid (30 for an employer’s, 365 for the public form)',
  })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

export class NeedLinksQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'this employer’s links; without it, the public-form links' })
  @Omittable()
  @IsUUID('all')
  employerId?: string;
}

export class EmployerAnalysisParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') analysisId!: string;
}

/**
 * The need form as the page posts it: every field text, none required here (the page says which
 * are missing, next to each field); lengths bounded well above the form's own limits.
 */
export class NeedFormBody {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 300) companyName?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 40) siret?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 300) jobTitle?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 400) place?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 600) hours?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 20) startOn?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 60) contractType?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 2500) whatMatters?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 300) contactName?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 300) contactEmail?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 40) contactPhone?: string;
}
