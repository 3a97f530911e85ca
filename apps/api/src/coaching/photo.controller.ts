import {
  type CallHandler,
  Controller,
  Delete,
  type ExecutionContext,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  Param,
  Put,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { coachingError, megabytes, PHOTO_MAX_BYTES, ReadPhoto, RemovePhoto, UploadPhoto } from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { IdParam } from '../common/id-param.js';
import { ErrorResponse } from '../errors/error-body.js';
import { PHOTO_CONTENT, PhotoResponse } from './photo.response.dto.js';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 },
}).single('photo');

/**
 * Reads one multipart file field `photo` into memory, at most PHOTO_MAX_BYTES: a larger upload is
 * cut off and answered 413 without being held, and multer's errors become field-named answers.
 */
@Injectable()
class PhotoUpload implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        if (error instanceof multer.MulterError) {
          if (error.code === 'LIMIT_FILE_SIZE')
            return reject(
              coachingError('photo.too_large', `the photo is over ${megabytes(PHOTO_MAX_BYTES)}`, [
                { field: 'photo', reason: `the limit is ${megabytes(PHOTO_MAX_BYTES)}` },
              ]),
            );
          return reject(
            coachingError('photo.bad_upload', 'send one file in the multipart field "photo"', [
              { field: error.field ?? 'photo', reason: error.message },
            ]),
          );
        }
        reject(
          coachingError('photo.bad_upload', 'the upload could not be read', [
            { field: 'photo', reason: error instanceof Error ? error.message : 'unreadable multipart body' },
          ]),
        );
      });
    });
    return next.handle();
  }
}

/** The photo on a person's candidate card (with the person's photo consent). */
@ApiTags('beneficiaries')
@Controller('beneficiaries')
export class PhotoController {
  constructor(
    private readonly uploading: UploadPhoto,
    private readonly reading: ReadPhoto,
    private readonly removal: RemovePhoto,
  ) {}

  @Put(':id/photo')
  @RequireAction('beneficiaries.write')
  @UseInterceptors(PhotoUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { photo: { type: 'string', format: 'binary' } }, required: ['photo'] },
  })
  @ApiOkResponse({ type: PhotoResponse, description: 'the photo as stored: re-encoded, metadata stripped' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'no file in the field "photo"' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'not a JPEG or PNG, or no photo consent' })
  async upload(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Req() request: Request,
  ): Promise<PhotoResponse> {
    if (!request.file)
      throw coachingError('photo.missing', 'send the image in the multipart field "photo"', [
        { field: 'photo', reason: 'missing' },
      ]);
    return PhotoResponse.from(await this.uploading.execute(actor, params.id, request.file.buffer));
  }

  @Get(':id/photo')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ description: 'the image, as stored', content: PHOTO_CONTENT })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no photo' })
  async get(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Res() response: Response,
  ): Promise<void> {
    const photo = await this.reading.execute(actor, params.id);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.type(photo.contentType).send(photo.data);
  }

  @Delete(':id/photo')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no photo' })
  async remove(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.removal.execute(actor, params.id);
  }
}
