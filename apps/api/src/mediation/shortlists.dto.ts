import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import {
  EMPLOYER_ANSWERS,
  type EmployerAnswer,
  REFUSAL_REASONS,
  type RefusalReason,
  SHORTLIST_MAX_CARDS,
  SHORTLIST_MAX_SLOTS,
} from '@passerelle/mediation';
import { CalendarDate, CalendarDateTime } from '../common/date-field.js';
import { NestedObjectList } from '../common/nested.decorator.js';
import { NotBlank } from '../common/not-blank.decorator.js';
import { Omittable } from '../common/omittable.decorator.js';

/** An interview slot the mediator offers the employer. */
export class OfferedSlotDto {
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() startsAt!: string;
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() endsAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '12 rue de la Gare, Lille' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 300)
  @NotBlank()
  place?: string | null;
}

export class ShortlistRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') offerId!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: SHORTLIST_MAX_CARDS,
    description: 'introductions for this offer, in the order the employer sees them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SHORTLIST_MAX_CARDS)
  @IsUUID('all', { each: true })
  introductionIds!: string[];
  @ApiPropertyOptional({ type: [OfferedSlotDto], maxItems: SHORTLIST_MAX_SLOTS })
  @Omittable()
  @NestedObjectList(() => OfferedSlotDto, SHORTLIST_MAX_SLOTS)
  slots?: OfferedSlotDto[];
  @ApiPropertyOptional({ format: 'uuid', description: 'e-mail the link to this employer contact' })
  @Omittable()
  @IsUUID('all')
  contactId?: string;
}

export class ShortlistListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') offerId?: string;
}

export class ShortlistReplyRequest {
  @ApiProperty({ format: 'uuid', description: 'the person (entry) of the shortlist the question was about' })
  @IsUUID('all')
  entryId!: string;
  @ApiProperty() @IsString() @Length(1, 2000) @NotBlank() body!: string;
}

export class RefusalReasonsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'first Paris day (default: 364 days before `to`)' })
  @Omittable()
  @CalendarDate()
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'last Paris day, included (default: today)' })
  @Omittable()
  @CalendarDate()
  to?: string;
}

/** The employer's form on the shortlist page (urlencoded). */
export class ShortlistAnswerForm {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') entry!: string;
  @ApiProperty({ enum: EMPLOYER_ANSWERS }) @IsIn(EMPLOYER_ANSWERS) answer!: EmployerAnswer;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 40) slot?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 300) proposedSlot?: string;
  @ApiPropertyOptional({ enum: REFUSAL_REASONS })
  @Omittable()
  @ValidateIf((_, value) => value !== '')
  @IsIn(REFUSAL_REASONS)
  reason?: RefusalReason | '';
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 2000) note?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 2000) question?: string;
}
