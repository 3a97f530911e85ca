/**
 * The photo a person may put on their candidate card. The upload is judged by its bytes, never by
 * its name or declared type: only JPEG and PNG pass, their structure is walked to the image data,
 * and the declared dimensions are bounded before any pixel is decoded (a small file may declare a
 * huge image: a decompression bomb). What passes is then decoded and encoded again (PhotoEncoder),
 * which is what drops the metadata: EXIF with GPS position and camera serial, XMP, IPTC, comments,
 * text chunks, and anything hidden after or between the image data.
 */

import type { CoachingErrorCode } from './coaching-errors.js';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MIN_SIDE = 64;
export const PHOTO_MAX_SIDE = 8000;
/** A 24-megapixel camera's 6000×4000 fits; decoding more would hold too much memory per upload. */
export const PHOTO_MAX_PIXELS = 36_000_000;
/** The longest side of the stored image: a card shows it far smaller. */
export const PHOTO_STORED_MAX_SIDE = 1200;

export type PhotoType = 'image/jpeg' | 'image/png';

export type PhotoInspection =
  | {
      readonly ok: true;
      readonly contentType: PhotoType;
      /** As declared by the file's header, before decoding. */
      readonly width: number;
      readonly height: number;
    }
  | { readonly ok: false; readonly code: CoachingErrorCode; readonly reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a non-image upload looks like, to say so in the refusal. */
function describe(data: Buffer): string {
  const head = data.subarray(0, 16).toString('latin1');
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('RIFF') && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'a WebP image';
  if (head.startsWith('PK')) return 'a ZIP archive or office document';
  if (head.startsWith('MZ') || head.startsWith('\x7fELF')) return 'an executable program';
  if (head.startsWith('#!')) return 'a script';
  const sample = data.subarray(0, 512);
  const printable = [...sample].filter(
    (byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127),
  );
  if (sample.length > 0 && printable.length / sample.length > 0.95) {
    const text = sample.toString('latin1').toLowerCase();
    return /<script|<html|<svg|<\?php|function|import |eval\(/.test(text) ? 'a script or web page' : 'text';
  }
  return 'not a recognised image';
}

const refuse = (code: CoachingErrorCode, reason: string): PhotoInspection => ({ ok: false, code, reason });

function bounded(contentType: PhotoType, width: number, height: number): PhotoInspection {
  if (width < PHOTO_MIN_SIDE || height < PHOTO_MIN_SIDE)
    return refuse('photo.too_small', `the image is ${width}×${height} pixels; at least ${PHOTO_MIN_SIDE} on each side`);
  if (width > PHOTO_MAX_SIDE || height > PHOTO_MAX_SIDE)
    return refuse('photo.too_big', `the image is ${width}×${height} pixels; at most ${PHOTO_MAX_SIDE} on each side`);
  if (width * height > PHOTO_MAX_PIXELS)
    return refuse(
      'photo.too_big',
      `the image is ${width}×${height} pixels; at most ${PHOTO_MAX_PIXELS / 1_000_000} million pixels`,
    );
  return { ok: true, contentType, width, height };
}

/** JPEG markers that carry no length (start and end of image, restart markers, TEM). */
const STANDALONE = (marker: number): boolean =>
  marker === 0xd8 || marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
/** Start-of-frame markers, which give the dimensions (C4 DHT, C8 JPG and CC DAC are not frames). */
const FRAME = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function inspectJpeg(data: Buffer): PhotoInspection {
  let offset = 2;
  let width = 0;
  let height = 0;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return refuse('photo.corrupt', 'the JPEG structure is broken');
    const marker = data[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (STANDALONE(marker)) {
      offset += 2;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > data.length) return refuse('photo.corrupt', 'the JPEG file is truncated');
    if (FRAME(marker)) {
      if (length < 7) return refuse('photo.corrupt', 'the JPEG frame header is broken');
      height = data.readUInt16BE(offset + 5);
      width = data.readUInt16BE(offset + 7);
    }
    if (marker === 0xda) {
      // Start of scan: the compressed image follows; decoding judges it.
      if (width === 0 || height === 0) return refuse('photo.corrupt', 'the JPEG file has no frame header');
      return bounded('image/jpeg', width, height);
    }
    offset = end;
  }
  return refuse('photo.corrupt', 'the JPEG file has no image data');
}

function inspectPng(data: Buffer): PhotoInspection {
  let offset = PNG_SIGNATURE.length;
  let width = 0;
  let height = 0;
  let first = true;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString('latin1');
    const end = offset + 12 + length;
    if (end > data.length) return refuse('photo.corrupt', 'the PNG file is truncated');
    if (first) {
      if (type !== 'IHDR' || length !== 13)
        return refuse('photo.corrupt', 'the PNG file does not start with its header');
      width = data.readUInt32BE(offset + 8);
      height = data.readUInt32BE(offset + 12);
      first = false;
    }
    offset = end;
    if (type === 'IEND') return bounded('image/png', width, height);
  }
  return refuse('photo.corrupt', 'the PNG file has no end chunk');
}

export function inspectPhoto(data: Buffer): PhotoInspection {
  if (data.length === 0) return refuse('photo.empty', 'the file is empty');
  if (data.length > PHOTO_MAX_BYTES)
    return refuse(
      'photo.too_large',
      `the file is ${megabytes(data.length)}; the limit is ${megabytes(PHOTO_MAX_BYTES)}`,
    );
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return inspectJpeg(data);
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(data);
  return refuse('photo.not_an_image', `only JPEG or PNG photos are accepted; this file is ${describe(data)}`);
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
