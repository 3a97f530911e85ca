import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type CoachLoads, ReadCoachLoads } from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';

export class CoachLoadResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) structureId!: string;
  @ApiProperty() structureName!: string;
  @ApiProperty({ description: 'people followed now (oriented or in coaching)' }) load!: number;
  @ApiProperty({ description: 'of them, given above the cap' }) overrides!: number;
}

export class CapOverrideResponse {
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName!: string | null;
  @ApiProperty({ format: 'uuid' }) coachUserId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ format: 'uuid' }) assignedByUserId!: string;
  @ApiProperty({ type: String, nullable: true }) assignedByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class CoachLoadsResponse {
  @ApiProperty({ description: 'the portfolio cap in force' }) cap!: number;
  @ApiProperty({ type: [CoachLoadResponse] }) coaches!: CoachLoadResponse[];
  @ApiProperty({ description: 'active people with no referent coach yet' }) unassigned!: number;
  @ApiProperty({ type: [CapOverrideResponse], description: 'referents given above the cap, in force' })
  capOverrides!: CapOverrideResponse[];

  static from(loads: CoachLoads): CoachLoadsResponse {
    return {
      cap: loads.cap,
      coaches: loads.coaches.map((coach) => ({ ...coach })),
      unassigned: loads.unassigned,
      capOverrides: loads.capOverrides.map((row) => ({ ...row, assignedAt: row.assignedAt.toISOString() })),
    };
  }
}

/** Managers: each coach's load against the portfolio cap, to assign and transfer people. */
@ApiTags('beneficiaries')
@Controller('coaches')
export class CoachLoadsController {
  constructor(private readonly loads: ReadCoachLoads) {}

  @Get('loads')
  @RequireAction('beneficiaries.assign')
  @ApiOkResponse({ type: CoachLoadsResponse })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<CoachLoadsResponse> {
    return CoachLoadsResponse.from(await this.loads.execute(actor));
  }
}
