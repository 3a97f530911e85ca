import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID } from 'class-validator';
import {
  FileShares,
  type ReceivedShare,
  SHARE_MAX_DAYS,
  SHARED_PARTS,
  type SharedPart,
  type ShareRecipient,
  type ShareView,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { CalendarDate } from '../common/date-field.js';
import { IdParam } from '../common/id-param.js';
import { ErrorResponse } from '../errors/error-body.js';

export class ShareRequest {
  @ApiProperty({ format: 'uuid', description: 'an active coach other than the referent' })
  @IsUUID('all')
  recipientUserId!: string;
  @ApiProperty({ enum: SHARED_PARTS, isArray: true, description: 'the parts of the file shown (at least one)' })
  @IsArray()
  @ArrayMaxSize(SHARED_PARTS.length)
  @ArrayUnique()
  @IsIn(SHARED_PARTS, { each: true })
  parts!: SharedPart[];
  @ApiProperty({ description: 'the person agreed that the health note be shown too (with the barriers only)' })
  @IsBoolean()
  healthNoteVisible!: boolean;
  @ApiProperty({ format: 'date', description: `last day in force, today to ${SHARE_MAX_DAYS} days ahead (Paris)` })
  @CalendarDate()
  endsOn!: string;
}

export class ShareIdParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') shareId!: string;
}

export class ShareResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) recipientUserId!: string;
  @ApiProperty() recipientName!: string;
  @ApiProperty({ format: 'uuid' }) grantedBy!: string;
  @ApiProperty() grantedByName!: string;
  @ApiProperty({ enum: SHARED_PARTS, isArray: true }) parts!: SharedPart[];
  @ApiProperty() healthNoteVisible!: boolean;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revokedBy!: string | null;

  static from(share: ShareView): ShareResponse {
    return { ...share, createdAt: share.createdAt.toISOString(), revokedAt: share.revokedAt?.toISOString() ?? null };
  }
}

export class ReceivedShareResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName!: string | null;
  @ApiProperty({ description: 'the referent coach who shared the file' }) grantedByName!: string;
  @ApiProperty({ enum: SHARED_PARTS, isArray: true }) parts!: SharedPart[];
  @ApiProperty() healthNoteVisible!: boolean;
  @ApiProperty({ format: 'date' }) endsOn!: string;

  static from(share: ReceivedShare): ReceivedShareResponse {
    const { structureId: _structure, ...shown } = share;
    return shown;
  }
}

export class ShareRecipientResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() structureName!: string;

  static from(recipient: ShareRecipient): ShareRecipientResponse {
    return { ...recipient };
  }
}

/**
 * Shared files: the referent coach shares parts of a person's file with another coach until a date,
 * with the person's consent; the recipient reads it through GET /beneficiaries/:id while in force.
 */
@ApiTags('beneficiaries')
@Controller()
export class FileSharesController {
  constructor(private readonly shares: FileShares) {}

  @Get('beneficiaries/:id/shares')
  @RequireAction('beneficiaries.share')
  @ApiOkResponse({ type: [ShareResponse], description: 'every share of the file, newest first, ended ones included' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async list(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<ShareResponse[]> {
    return (await this.shares.list(actor, params.id)).map((share) => ShareResponse.from(share));
  }

  @Post('beneficiaries/:id/shares')
  @RequireAction('beneficiaries.share')
  @ApiCreatedResponse({ type: ShareResponse, description: 'the new share' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'a share with this coach is in force' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'no consent of the person, not an active coach, health note without barriers, end date out of range',
  })
  async share(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ShareRequest,
  ): Promise<ShareResponse> {
    return ShareResponse.from(await this.shares.share(actor, params.id, body));
  }

  /** Takes effect at once. */
  @Delete('beneficiaries/:id/shares/:shareId')
  @RequireAction('beneficiaries.share')
  @ApiOkResponse({ type: ShareResponse, description: 'the share, revoked' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such share, or revoked already' })
  async revoke(@CurrentActor() actor: AuthenticatedActor, @Param() params: ShareIdParam): Promise<ShareResponse> {
    return ShareResponse.from(await this.shares.revoke(actor, params.id, params.shareId));
  }

  @Get('file-shares/received')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: [ReceivedShareResponse], description: 'the files shared with me, in force today' })
  async received(@CurrentActor() actor: AuthenticatedActor): Promise<ReceivedShareResponse[]> {
    return (await this.shares.received(actor)).map((share) => ReceivedShareResponse.from(share));
  }

  @Get('file-shares/recipients')
  @RequireAction('beneficiaries.share')
  @ApiOkResponse({ type: [ShareRecipientResponse], description: 'the coaches a file may be shared with' })
  async recipients(@CurrentActor() actor: AuthenticatedActor): Promise<ShareRecipientResponse[]> {
    return (await this.shares.recipients(actor)).map((recipient) => ShareRecipientResponse.from(recipient));
  }
}
