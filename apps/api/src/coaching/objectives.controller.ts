import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import {
  AddObjective,
  OBJECTIVE_MAX_STEPS,
  OBJECTIVE_STATUSES,
  OBJECTIVE_TEXT_MAX,
  type ObjectiveInput,
  type ObjectiveStatus,
  type ObjectiveView,
  ReadObjectives,
  UpdateObjective,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { CalendarDate } from '../common/date-field.js';
import { IdParam } from '../common/id-param.js';
import { NestedObjectList } from '../common/nested.decorator.js';
import { NotBlank } from '../common/not-blank.decorator.js';
import { Omittable } from '../common/omittable.decorator.js';
import { ErrorResponse } from '../errors/error-body.js';

export class ObjectiveIdParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') objectiveId!: string;
}

export class ObjectiveStepDto {
  @ApiProperty({ example: 'Inscription à l’auto-école' })
  @IsString()
  @Length(1, OBJECTIVE_TEXT_MAX)
  @NotBlank()
  label!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  dueOn?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'the day it was done' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  doneOn?: string | null;
}

/** What an objective says besides its title (class-validator merges a parent's rules into a child's field). */
class ObjectiveFields {
  @ApiPropertyOptional({ enum: OBJECTIVE_STATUSES })
  @Omittable()
  @IsIn(OBJECTIVE_STATUSES)
  status?: ObjectiveStatus;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  dueOn?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'a barrier of the person' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  barrierId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'a CER of the person' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  cerId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'a commitment that CER states, word for word' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 500)
  commitment?: string | null;
  @ApiPropertyOptional({ type: [ObjectiveStepDto], maxItems: OBJECTIVE_MAX_STEPS })
  @Omittable()
  @NestedObjectList(() => ObjectiveStepDto, OBJECTIVE_MAX_STEPS)
  steps?: ObjectiveStepDto[];
}

export class ObjectiveRequest extends ObjectiveFields {
  @ApiProperty({ example: 'Obtenir le permis B' })
  @IsString()
  @Length(1, OBJECTIVE_TEXT_MAX)
  @NotBlank()
  title!: string;
}

/** On a change, each field given replaces the one there (the steps as a whole list). */
export class ObjectiveChangesRequest extends ObjectiveFields {
  @ApiPropertyOptional({ example: 'Obtenir le permis B' })
  @Omittable()
  @IsString()
  @Length(1, OBJECTIVE_TEXT_MAX)
  @NotBlank()
  title?: string;
}

export class ObjectiveStepResponse {
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) doneOn!: string | null;
}

export class ObjectiveResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: OBJECTIVE_STATUSES }) status!: ObjectiveStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) barrierId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) commitment!: string | null;
  @ApiProperty({ type: [ObjectiveStepResponse] }) steps!: ObjectiveStepResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(objective: ObjectiveView): ObjectiveResponse {
    return {
      ...objective,
      createdAt: objective.createdAt.toISOString(),
      updatedAt: objective.updatedAt.toISOString(),
    };
  }
}

export class ObjectivesResponse {
  @ApiProperty({ type: [ObjectiveResponse] }) items!: ObjectiveResponse[];
}

const stepsOf = (steps: ObjectiveStepDto[] | undefined) =>
  steps?.map((step) => ({ label: step.label, dueOn: step.dueOn ?? null, doneOn: step.doneOn ?? null }));

/** The person's action plan: objectives with steps and due dates, tied to barriers and CER commitments. */
@ApiTags('beneficiaries')
@Controller('beneficiaries')
export class ObjectivesController {
  constructor(
    private readonly adding: AddObjective,
    private readonly updating: UpdateObjective,
    private readonly reading: ReadObjectives,
  ) {}

  @Get(':id/objectives')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: ObjectivesResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such person within your reach' })
  async list(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<ObjectivesResponse> {
    return {
      items: (await this.reading.execute(actor, params.id)).map((objective) => ObjectiveResponse.from(objective)),
    };
  }

  @Post(':id/objectives')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: ObjectiveResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such person in your portfolio' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'a barrier, CER or commitment not theirs' })
  async add(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ObjectiveRequest,
  ): Promise<ObjectiveResponse> {
    const input: ObjectiveInput = {
      title: body.title,
      status: body.status ?? 'planned',
      dueOn: body.dueOn ?? null,
      barrierId: body.barrierId ?? null,
      cerId: body.cerId ?? null,
      commitment: body.commitment ?? null,
      steps: stepsOf(body.steps) ?? [],
    };
    return ObjectiveResponse.from(await this.adding.execute(actor, params.id, input));
  }

  @Patch(':id/objectives/:objectiveId')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: ObjectiveResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: ObjectiveIdParam,
    @Body() body: ObjectiveChangesRequest,
  ): Promise<ObjectiveResponse> {
    const { steps, ...rest } = body;
    const changes: Partial<ObjectiveInput> = { ...rest, ...(steps ? { steps: stepsOf(steps) } : {}) };
    return ObjectiveResponse.from(await this.updating.execute(actor, params.id, params.objectiveId, changes));
  }
}
