import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  PROPOSAL_ANSWERS,
  type ProposalAnswer,
  type SentSpaceLink,
  type SpaceLinkView,
} from '@passerelle/coaching';
import { CARD_COMMENT_MAX, CARD_DECISIONS, type CardDecision } from '@passerelle/mediation';
import { DeliveriesResponse } from '../coaching/appointments.dto.js';
import { Omittable } from '../common/omittable.decorator.js';

export class SpaceTokenParam {
  @ApiProperty() @IsString() @Length(1, 200) token!: string;
}

export class SpaceItemParam extends SpaceTokenParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') id!: string;
}

export class CardDecisionForm {
  @ApiProperty({ enum: CARD_DECISIONS }) @IsIn(CARD_DECISIONS) decision!: CardDecision;
  @ApiProperty({ description: 'the content version of the card the person was shown' })
  @IsString()
  @Length(1, 64)
  version!: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, CARD_COMMENT_MAX) comment?: string;
}

export class ProposalAnswerForm {
  @ApiProperty({ enum: PROPOSAL_ANSWERS }) @IsIn(PROPOSAL_ANSWERS) answer!: ProposalAnswer;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 500) reason?: string;
}

const APPOINTMENT_ANSWERS = ['confirm', 'move'] as const;

export class AppointmentAnswerForm {
  @ApiProperty({ enum: APPOINTMENT_ANSWERS }) @IsIn(APPOINTMENT_ANSWERS) answer!: 'confirm' | 'move';
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 500) message?: string;
}

export class ConsentParam extends SpaceTokenParam {
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES) purpose!: ConsentPurpose;
}

export class SpaceCodeForm {
  @ApiProperty() @IsString() @Length(1, 20) code!: string;
}

export class SpaceLinkSentResponse {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({
    type: DeliveriesResponse,
    description: 'per channel: sent, failed, or why not tried (the link itself is never shown to staff)',
  })
  deliveries!: DeliveriesResponse;

  static from(sent: SentSpaceLink): SpaceLinkSentResponse {
    return Object.assign(new SpaceLinkSentResponse(), {
      linkId: sent.linkId,
      expiresAt: sent.expiresAt.toISOString(),
      deliveries: { ...sent.deliveries },
    });
  }
}

export class SpaceLinkResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ description: 'browsers admitted to the link' }) devices!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSeenAt!: string | null;

  static from(link: SpaceLinkView): SpaceLinkResponse {
    return Object.assign(new SpaceLinkResponse(), {
      ...link,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      lastSeenAt: link.lastSeenAt?.toISOString() ?? null,
    });
  }
}

export class SpaceLinkListResponse {
  @ApiProperty({ type: [SpaceLinkResponse] }) items!: SpaceLinkResponse[];
}
