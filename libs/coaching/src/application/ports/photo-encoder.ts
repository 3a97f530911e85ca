import type { CoachingErrorCode } from '../../domain/coaching-errors.js';
import type { PhotoType } from '../../domain/photo.js';

export type EncodedPhoto =
  | {
      readonly ok: true;
      readonly contentType: PhotoType;
      readonly width: number;
      readonly height: number;
      /** Fresh pixels only: what is stored and served. */
      readonly data: Buffer;
    }
  | { readonly ok: false; readonly code: CoachingErrorCode; readonly reason: string };

/**
 * Decodes an uploaded photo and encodes its pixels again, so nothing of the uploaded file but the
 * picture (turned upright, brought down in size) reaches the store; refuses what does not decode.
 */
export abstract class PhotoEncoder {
  abstract encode(data: Buffer, contentType: PhotoType): Promise<EncodedPhoto>;
}
