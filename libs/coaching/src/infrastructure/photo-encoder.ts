import { Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { PHOTO_MAX_PIXELS, PHOTO_STORED_MAX_SIDE, type PhotoType } from '../domain/photo.js';
import { type EncodedPhoto, PhotoEncoder } from '../application/ports/photo-encoder.js';

/**
 * Decodes an uploaded photo and encodes its pixels again with libvips (sharp), so nothing of the
 * uploaded file but the picture reaches the store: walking segments to strip metadata missed what
 * sits between scans, in a second embedded image or after the end marker. `withMetadata` is never
 * called, so EXIF (GPS), XMP, IPTC, ICC profiles, comments and text chunks are all dropped; the
 * EXIF orientation is applied to the pixels first so the photo still stands upright. Only the first
 * frame is read, decoding stops at PHOTO_MAX_PIXELS (a bomb is refused, not decoded), and the image
 * is brought down to PHOTO_STORED_MAX_SIDE. JPEG stays JPEG, PNG stays PNG (transparency kept).
 */
@Injectable()
export class SharpPhotoEncoder extends PhotoEncoder {
  constructor() {
    super();
    // libvips' operation cache would keep decoded uploads in memory after the request.
    sharp.cache(false);
  }

  override async encode(data: Buffer, contentType: PhotoType): Promise<EncodedPhoto> {
    const image = sharp(data, {
      limitInputPixels: PHOTO_MAX_PIXELS,
      failOn: 'error',
      pages: 1,
      sequentialRead: true,
      autoOrient: true,
    }).resize({
      width: PHOTO_STORED_MAX_SIDE,
      height: PHOTO_STORED_MAX_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const encoder =
      contentType === 'image/png' ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: 85, mozjpeg: true });
    try {
      const { data: encoded, info } = await encoder.toBuffer({ resolveWithObject: true });
      return { ok: true, contentType, width: info.width, height: info.height, data: encoded };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // inspectPhoto already bounds the declared size; this catches a header that lies to it.
      if (/pixel limit/i.test(message))
        return { ok: false, code: 'photo.too_big', reason: `at most ${PHOTO_MAX_PIXELS / 1_000_000} million pixels` };
      return { ok: false, code: 'photo.corrupt', reason: 'the image data cannot be decoded' };
    }
  }
}
