import { ApiProperty } from '@nestjs/swagger';
import {
  EMPLOYER_LINK_STATES,
  type EmployerLinkState,
  type EmployerLinkView,
  type SentEmployerForm,
} from '@passerelle/outcomes';

export class EmployerFollowUpLinkCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the link itself: shown once, only its hash is stored' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'the contact it was e-mailed to' }) emailedTo!: string;

  static from(sent: SentEmployerForm): EmployerFollowUpLinkCreatedResponse {
    return Object.assign(new EmployerFollowUpLinkCreatedResponse(), {
      ...sent,
      expiresAt: sent.expiresAt.toISOString(),
    });
  }
}

export class EmployerFollowUpLinkResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactEmail!: string;
  @ApiProperty({ enum: EMPLOYER_LINK_STATES, description: 'sent, opened by the employer, answered' })
  state!: EmployerLinkState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;

  static from(link: EmployerLinkView): EmployerFollowUpLinkResponse {
    return Object.assign(new EmployerFollowUpLinkResponse(), {
      ...link,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      openedAt: link.openedAt?.toISOString() ?? null,
      answeredAt: link.answeredAt?.toISOString() ?? null,
    });
  }
}

export class EmployerFollowUpLinkListResponse {
  @ApiProperty({ type: [EmployerFollowUpLinkResponse], description: 'newest first, 50 at most' })
  items!: EmployerFollowUpLinkResponse[];
}
