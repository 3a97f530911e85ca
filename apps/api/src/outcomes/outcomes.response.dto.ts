import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Difficulty,
  DIFFICULTIES,
  EMPLOYER_LINK_STATES,
  type EmployerLinkState,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATES,
  type FollowUpKind,
  type FollowUpState,
  type FollowUpView,
  INDICATOR_GROUPS,
  INDICATOR_UNITS,
  type IndicatorGroup,
  type IndicatorsReport,
  type IndicatorUnit,
  type Milestone,
  MILESTONES,
  PLACEMENT_CONTRACTS,
  PLACEMENT_END_REASONS,
  PLACEMENT_FOUND_BY,
  type PlacementContract,
  type PlacementEndReason,
  type PlacementFoundBy,
  type PlacementView,
} from '@passerelle/outcomes';
import { iso } from '../offers/offers.response.dto.js';

const MILESTONE_NAMES = Object.keys(MILESTONES) as Milestone[];

/** A follow-up checkpoint of a placement: one, three and six months after the start. */
export class CheckpointResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MILESTONE_NAMES }) milestone!: Milestone;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
}

/** A job started, from a hired introduction or recorded by the coach. */
export class PlacementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) introductionId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) employerId!: string | null;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: PLACEMENT_FOUND_BY }) foundBy!: PlacementFoundBy;
  @ApiProperty({ enum: PLACEMENT_CONTRACTS }) contractType!: PlacementContract;
  @ApiProperty({ nullable: true, type: Number }) contractMonths!: number | null;
  @ApiProperty({ nullable: true, type: Number }) weeklyHours!: number | null;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ description: 'a CDI, or a fixed-term contract of six months or more' }) durable!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'aide à la reprise d’activité, in euros' })
  aidAmount!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: PLACEMENT_END_REASONS }) endReason!: PlacementEndReason | null;
  @ApiProperty({ type: [CheckpointResponse] }) checkpoints!: CheckpointResponse[];

  static from(placement: PlacementView): PlacementResponse {
    const response: PlacementResponse = {
      ...placement,
      checkpoints: placement.checkpoints.map((checkpoint) => ({
        ...checkpoint,
        answeredAt: iso(checkpoint.answeredAt),
      })),
    };
    return Object.assign(new PlacementResponse(), response);
  }
}

export class PlacementListResponse {
  @ApiProperty({ type: [PlacementResponse] }) items!: PlacementResponse[];
}

export class FollowUpPlacementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: an employer not on record' })
  employerId!: string | null;
  @ApiProperty() employerName!: string;
  @ApiProperty({ enum: PLACEMENT_CONTRACTS }) contractType!: PlacementContract;
  @ApiProperty({ format: 'date' }) startDate!: string;
}

export class FollowUpAnswerResponse {
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty() inJob!: boolean;
  @ApiProperty({ nullable: true, type: Boolean }) rsaExit!: boolean | null;
  @ApiProperty({ enum: DIFFICULTIES, isArray: true }) difficulties!: Difficulty[];
  @ApiProperty({ nullable: true, type: String }) employerView!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

/** What the employer answered on their follow-up link (source: the employer). */
export class EmployerFormAnswerResponse {
  @ApiProperty({ enum: ['employer'] }) source!: 'employer';
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty({ description: 'the person is still with the employer' }) inJob!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate!: string | null;
  @ApiProperty({ nullable: true, enum: PLACEMENT_END_REASONS, type: String }) endReason!: PlacementEndReason | null;
  @ApiProperty({ nullable: true, type: String, description: 'anything the employer raised' }) remark!: string | null;
}

/** The employer's two-question form of a job's checkpoint: its state and, once given, the answer. */
export class EmployerFormResponse {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ enum: EMPLOYER_LINK_STATES }) state!: EmployerLinkState;
  @ApiProperty() contactName!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: EmployerFormAnswerResponse }) answer!: EmployerFormAnswerResponse | null;
}

/** A follow-up checkpoint as a task: due, overdue, upcoming or answered. */
export class FollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ description: 'first name and initial' }) person!: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind!: FollowUpKind;
  @ApiProperty({ enum: MILESTONE_NAMES }) milestone!: Milestone;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATES }) state!: FollowUpState;
  @ApiProperty({ nullable: true, type: FollowUpPlacementResponse, description: 'null after coaching ended' })
  placement!: FollowUpPlacementResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeUserId!: string | null;
  @ApiProperty({ nullable: true, type: FollowUpAnswerResponse }) answer!: FollowUpAnswerResponse | null;
  @ApiProperty({
    nullable: true,
    type: EmployerFormResponse,
    description: 'the employer’s form: its answered link, else its newest link in force; null when none was sent',
  })
  employerForm!: EmployerFormResponse | null;

  static from(followUp: FollowUpView): FollowUpResponse {
    const form = followUp.employerForm;
    const response: FollowUpResponse = {
      ...followUp,
      placement: followUp.placement && { ...followUp.placement },
      answer: followUp.answer && { ...followUp.answer, answeredAt: followUp.answer.answeredAt.toISOString() },
      employerForm: form && {
        ...form,
        sentAt: form.sentAt.toISOString(),
        expiresAt: form.expiresAt.toISOString(),
        openedAt: form.openedAt?.toISOString() ?? null,
        answer: form.answer && { ...form.answer, answeredAt: form.answer.answeredAt.toISOString() },
      },
    };
    return Object.assign(new FollowUpResponse(), response);
  }
}

export class FollowUpListResponse {
  @ApiProperty({ type: [FollowUpResponse] }) items!: FollowUpResponse[];
}

/** One indicator: its numerator, denominator, value and target. */
export class IndicatorValueResponse {
  @ApiProperty({ example: 'return_to_activity' }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit!: IndicatorUnit;
  @ApiProperty({ nullable: true, type: Number }) target!: number | null;
  @ApiProperty({ nullable: true, type: Number }) numerator!: number | null;
  @ApiProperty({ nullable: true, type: Number }) denominator!: number | null;
  @ApiProperty({ nullable: true, type: Number }) value!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null: no target, or nothing to measure' })
  targetMet!: boolean | null;
  @ApiPropertyOptional({ description: 'RSA exit: checkpoints due but not answered yet (in the denominator)' })
  unknown?: number;
}

export class IndicatorGroupResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the coach, structure, commune or département; null: everyone (groupBy none) or not attributed',
  })
  key!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [IndicatorValueResponse] }) indicators!: IndicatorValueResponse[];
}

/** The programme indicators over a period, for a structure (with its children) or a coach. */
export class IndicatorsResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date', description: 'the day they were computed' }) asOf!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) structureId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) coachId!: string | null;
  @ApiProperty({ enum: INDICATOR_GROUPS }) groupBy!: IndicatorGroup;
  @ApiProperty({ type: [IndicatorGroupResponse] }) groups!: IndicatorGroupResponse[];

  static from(report: IndicatorsReport): IndicatorsResponse {
    const response: IndicatorsResponse = {
      ...report,
      groups: report.groups.map((group) => ({ ...group, indicators: group.indicators.map((value) => ({ ...value })) })),
    };
    return Object.assign(new IndicatorsResponse(), response);
  }
}
