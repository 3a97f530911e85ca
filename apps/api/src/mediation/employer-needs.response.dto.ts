import { ApiProperty } from '@nestjs/swagger';
import {
  NEED_CONTRACTS,
  type NeedContract,
  type NeedLink,
  type NeedLinkView,
  type NeedView,
} from '@passerelle/mediation';

export class NeedLinkCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the link itself: shown once, only its hash is stored' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;

  static from(link: NeedLink): NeedLinkCreatedResponse {
    return Object.assign(new NeedLinkCreatedResponse(), { ...link, expiresAt: link.expiresAt.toISOString() });
  }
}

export class NeedLinkResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: the structure’s public form' })
  employerId!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(link: NeedLinkView): NeedLinkResponse {
    return Object.assign(new NeedLinkResponse(), {
      ...link,
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      createdAt: link.createdAt.toISOString(),
    });
  }
}

export class NeedLinkListResponse {
  @ApiProperty({ type: [NeedLinkResponse], description: 'newest first, 50 at most' }) items!: NeedLinkResponse[];
}

/** A need an employer posted, with its draft job analysis and its 48-hour clock. */
export class NeedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ description: 'posted on the structure’s public form (the employer named by SIRET)' })
  viaPublicForm!: boolean;
  @ApiProperty({ nullable: true, type: String }) siret!: string | null;
  @ApiProperty() jobTitle!: string;
  @ApiProperty() place!: string;
  @ApiProperty() hours!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) startOn!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: NEED_CONTRACTS }) contractType!: NeedContract | null;
  @ApiProperty({ nullable: true, type: String }) whatMatters!: string | null;
  @ApiProperty() contactName!: string;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it was received: the 48-hour clock starts' })
  receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: '48 hours after its receipt' }) dueAt!: string;
  @ApiProperty({ description: 'the first candidate was sent after dueAt, or none yet and dueAt has passed' })
  overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'stops the clock' })
  firstCandidateAt!: string | null;
  @ApiProperty({ format: 'uuid', description: 'its job analysis (a draft until qualified)' }) jobAnalysisId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) qualifiedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the offer it was published as' })
  offerId!: string | null;

  static from(need: NeedView): NeedResponse {
    const { structureId: _, ...shown } = need;
    return Object.assign(new NeedResponse(), {
      ...shown,
      receivedAt: need.receivedAt.toISOString(),
      dueAt: need.dueAt.toISOString(),
      firstCandidateAt: need.firstCandidateAt?.toISOString() ?? null,
      qualifiedAt: need.qualifiedAt?.toISOString() ?? null,
    });
  }
}

export class NeedListResponse {
  @ApiProperty({ type: [NeedResponse], description: 'newest first, 500 at most' }) items!: NeedResponse[];
}
