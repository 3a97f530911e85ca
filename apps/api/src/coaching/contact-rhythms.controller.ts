import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import {
  type ContactRhythm,
  type ContactRhythmsView,
  ReadContactRhythms,
  RHYTHM_MAX_CONTACTS,
  RHYTHM_MAX_PERIOD_DAYS,
  type RhythmSettingRow,
  SetContactRhythm,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { IdParam } from '../common/id-param.js';
import { ErrorResponse } from '../errors/error-body.js';

export class ContactRhythmRequest {
  @ApiProperty({ example: 2, minimum: 1, maximum: RHYTHM_MAX_CONTACTS })
  @IsInt()
  @Min(1)
  @Max(RHYTHM_MAX_CONTACTS)
  contacts!: number;
  @ApiProperty({ example: 7, minimum: 1, maximum: RHYTHM_MAX_PERIOD_DAYS })
  @IsInt()
  @Min(1)
  @Max(RHYTHM_MAX_PERIOD_DAYS)
  periodDays!: number;
}

export class ContactRhythmResponse {
  @ApiProperty() contacts!: number;
  @ApiProperty() periodDays!: number;
}

export class RhythmSettingResponse {
  @ApiProperty({ format: 'uuid' }) structureId!: string;
  @ApiProperty() structureName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ type: ContactRhythmResponse, nullable: true, description: 'the structure’s own setting' })
  own!: ContactRhythmResponse | null;
  @ApiProperty({
    type: ContactRhythmResponse,
    nullable: true,
    description: 'the rhythm in force: its own, else its nearest parent’s',
  })
  effective!: ContactRhythmResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;

  static from(row: RhythmSettingRow): RhythmSettingResponse {
    return { ...row, updatedAt: row.updatedAt?.toISOString() ?? null };
  }
}

export class CoachRhythmResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'people of the coach followed under a rhythm' }) followed!: number;
  @ApiProperty({ description: 'of them, behind' }) behind!: number;
}

export class RhythmPersonResponse {
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referentUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) referentName!: string | null;
  @ApiProperty() contacts!: number;
  @ApiProperty() periodDays!: number;
  @ApiProperty() held!: number;
  @ApiProperty() expected!: number;
  @ApiProperty() behind!: boolean;
}

export class ContactRhythmsResponse {
  @ApiProperty({ type: [RhythmSettingResponse] }) structures!: RhythmSettingResponse[];
  @ApiProperty({ type: [CoachRhythmResponse] }) coaches!: CoachRhythmResponse[];
  @ApiProperty({ type: [RhythmPersonResponse], description: 'the people behind, the furthest first' })
  behind!: RhythmPersonResponse[];

  static from(view: ContactRhythmsView): ContactRhythmsResponse {
    return {
      structures: view.structures.map((row) => RhythmSettingResponse.from(row)),
      coaches: view.coaches,
      behind: view.behind,
    };
  }
}

/**
 * Managers: the programme's target contact frequency per structure, and who is behind it
 * (each coach's count and the people). Coaches see their own people's rhythm in their portfolio.
 */
@ApiTags('beneficiaries')
@Controller('contact-rhythms')
export class ContactRhythmsController {
  constructor(
    private readonly reading: ReadContactRhythms,
    private readonly setting: SetContactRhythm,
  ) {}

  @Get()
  @RequireAction('beneficiaries.assign')
  @ApiOkResponse({ type: ContactRhythmsResponse })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<ContactRhythmsResponse> {
    return ContactRhythmsResponse.from(await this.reading.execute(actor));
  }

  /** `:id`: the structure. */
  @Put(':id')
  @RequireAction('beneficiaries.assign')
  @ApiOkResponse({ type: RhythmSettingResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such structure within your reach' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async set(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ContactRhythmRequest,
  ): Promise<RhythmSettingResponse> {
    const rhythm: ContactRhythm = { contacts: body.contacts, periodDays: body.periodDays };
    return RhythmSettingResponse.from(await this.setting.execute(actor, params.id, rhythm));
  }

  /** The structure follows its parent's rhythm again (or none). */
  @Delete(':id')
  @RequireAction('beneficiaries.assign')
  @ApiOkResponse({ type: RhythmSettingResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such structure within your reach' })
  async clear(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<RhythmSettingResponse> {
    return RhythmSettingResponse.from(await this.setting.execute(actor, params.id, null));
  }
}
