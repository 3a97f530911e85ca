import { ApiProperty } from '@nestjs/swagger';
import type { PhotoView } from '@passerelle/coaching';

/** The stored photo (re-encoded, metadata stripped): its type, size and dimensions. */
export class PhotoResponse {
  @ApiProperty({ enum: ['image/jpeg', 'image/png'] }) contentType!: PhotoView['contentType'];
  @ApiProperty({ description: 'size in bytes' }) bytes!: number;
  @ApiProperty({ description: 'pixels' }) width!: number;
  @ApiProperty({ description: 'pixels' }) height!: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;

  static from(photo: PhotoView): PhotoResponse {
    const response: PhotoResponse = { ...photo, uploadedAt: photo.uploadedAt.toISOString() };
    return Object.assign(new PhotoResponse(), response);
  }
}

/** The image itself, for GET: JPEG or PNG as stored. */
export const PHOTO_CONTENT = {
  'image/jpeg': { schema: { type: 'string', format: 'binary' } },
  'image/png': { schema: { type: 'string', format: 'binary' } },
} as const;
