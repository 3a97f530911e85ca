import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  HttpCode,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
  Post,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import {
  coachingError,
  ENTRANTS_MAX_BYTES,
  type EntrantsImportResult,
  type EntrantsPlan,
  ImportEntrants,
  MESSAGE_CHANNELS,
  type MessageChannel,
  PreviewEntrantsImport,
} from '@passerelle/coaching';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { DeliveriesResponse } from './appointments.dto.js';
import { publicBaseUrl } from '../common/public-base-url.js';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: ENTRANTS_MAX_BYTES, files: 1, fields: 1, fieldSize: 200, parts: 2 },
}).single('file');

/**
 * Reads one multipart file field `file` into memory, at most ENTRANTS_MAX_BYTES (a larger upload
 * is cut off and answered 413 without being held), and at most one text field (`digest`).
 */
@Injectable()
class EntrantsUpload implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE')
          return reject(
            coachingError('import.too_large', 'the file is over 1 MiB', [
              { field: 'file', reason: 'le fichier dépasse 1 Mo' },
            ]),
          );
        reject(
          coachingError('import.bad_upload', 'send one CSV file in the multipart field "file"', [
            {
              field: error instanceof multer.MulterError ? (error.field ?? 'file') : 'file',
              reason: error instanceof Error ? error.message : 'unreadable multipart body',
            },
          ]),
        );
      });
    });
    return next.handle();
  }
}

const fileOf = (request: Request): Uint8Array => {
  if (!request.file)
    throw coachingError('import.missing', 'send the CSV in the multipart field "file"', [
      { field: 'file', reason: 'missing' },
    ]);
  return request.file.buffer;
};

export class LineProblemResponse {
  @ApiProperty({ description: 'the field, or `line` for the whole line' }) field!: string;
  @ApiProperty({ description: 'why, in French' }) reason!: string;
}

export class EntrantRefusalResponse {
  @ApiProperty({ description: 'the line of the file (1: the header)' }) line!: number;
  @ApiProperty({ type: [LineProblemResponse] }) problems!: LineProblemResponse[];
}

export class EntrantDuplicateResponse {
  @ApiProperty() line!: number;
  @ApiProperty() lastName!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the existing file' })
  existingId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the earlier line of the same file' })
  duplicateOfLine!: number | null;
}

export class EntrantToCreateResponse {
  @ApiProperty() line!: number;
  @ApiProperty() lastName!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() communeName!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty({ format: 'date' }) orientationDate!: string;
  @ApiProperty({ format: 'uuid' }) structureId!: string;
  @ApiProperty() structureName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ description: 'consented to invitations and reminders by e-mail (recorded on import)' })
  consentEmail!: boolean;
  @ApiProperty({ description: 'consented to invitations and reminders by SMS (recorded on import)' })
  consentSms!: boolean;
  @ApiProperty({
    enum: MESSAGE_CHANNELS,
    isArray: true,
    description: 'the channels the invitation to a first appointment leaves by (empty: not invited)',
  })
  invitedBy!: MessageChannel[];
}

export class EntrantsPreviewResponse {
  @ApiProperty({ description: 'SHA-256 of the file: send it back to confirm' }) digest!: string;
  @ApiProperty({ enum: [';', ','] }) separator!: string;
  @ApiProperty({ description: 'lines read after the header' }) lines!: number;
  @ApiProperty({ type: [EntrantToCreateResponse] }) toCreate!: EntrantToCreateResponse[];
  @ApiProperty({ type: [EntrantDuplicateResponse] }) duplicates!: EntrantDuplicateResponse[];
  @ApiProperty({ type: [EntrantRefusalResponse] }) refused!: EntrantRefusalResponse[];

  static from(plan: EntrantsPlan): EntrantsPreviewResponse {
    return {
      ...plan,
      toCreate: plan.toCreate.map(({ commune, ...entrant }) => ({
        ...entrant,
        communeName: commune.name,
        postalCode: commune.postalCode,
      })),
    };
  }
}

export class CreatedEntrantResponse {
  @ApiProperty() line!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class InvitedEntrantResponse {
  @ApiProperty() line!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: DeliveriesResponse, description: 'per channel: sent, failed, or why not tried' })
  deliveries!: DeliveriesResponse;
}

export class EntrantsImportResponse {
  @ApiProperty({ type: [CreatedEntrantResponse], description: 'the files created, status oriented' })
  created!: CreatedEntrantResponse[];
  @ApiProperty({ type: [InvitedEntrantResponse], description: 'the people invited to a first appointment' })
  invited!: InvitedEntrantResponse[];
  @ApiProperty({ type: [EntrantDuplicateResponse] }) duplicates!: EntrantDuplicateResponse[];
  @ApiProperty({ type: [EntrantRefusalResponse] }) refused!: EntrantRefusalResponse[];

  static from(result: EntrantsImportResult): EntrantsImportResponse {
    return {
      ...result,
      invited: result.invited.map((person) => ({ ...person, deliveries: { ...person.deliveries } })),
    };
  }
}

const FILE_BODY = {
  schema: {
    type: 'object',
    properties: {
      file: { type: 'string', format: 'binary', description: 'CSV, `;` or `,`, UTF-8, at most 1 MiB and 2,000 lines' },
    },
    required: ['file'],
  },
};

/**
 * Managers: the list of newly oriented people a département's orientation service exports, imported
 * in two steps: a preview (nothing written; which lines will be invited to a first appointment, and
 * by which channels), then the confirmation of the same file.
 */
@ApiTags('beneficiaries')
@Controller('entrants-imports')
export class EntrantsImportsController {
  constructor(
    private readonly preview: PreviewEntrantsImport,
    private readonly importing: ImportEntrants,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @RequireAction('beneficiaries.assign')
  @UseInterceptors(EntrantsUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: EntrantsPreviewResponse, description: 'what the import would do; nothing written' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'no file in the field "file"' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'not UTF-8, malformed, too many lines, columns missing',
  })
  async previewFile(
    @CurrentActor() actor: AuthenticatedActor,
    @Req() request: Request,
  ): Promise<EntrantsPreviewResponse> {
    return EntrantsPreviewResponse.from(await this.preview.execute(actor, fileOf(request)));
  }

  @Post()
  @RequireAction('beneficiaries.assign')
  @UseInterceptors(EntrantsUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        ...FILE_BODY.schema.properties,
        digest: { type: 'string', description: 'the digest the preview of this file gave' },
      },
      required: ['file', 'digest'],
    },
  })
  @ApiCreatedResponse({ type: EntrantsImportResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'not the file previewed' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async confirm(@CurrentActor() actor: AuthenticatedActor, @Req() request: Request): Promise<EntrantsImportResponse> {
    const body = request.body as { digest?: unknown } | undefined;
    const digest = typeof body?.digest === 'string' ? body.digest : '';
    if (!/^[0-9a-f]{64}$/.test(digest))
      throw coachingError('import.bad_upload', 'send the digest the preview gave', [
        { field: 'digest', reason: 'required: the digest the preview of this file gave' },
      ]);
    const base = publicBaseUrl(this.config, request);
    return EntrantsImportResponse.from(await this.importing.execute(actor, fileOf(request), digest, base));
  }
}
