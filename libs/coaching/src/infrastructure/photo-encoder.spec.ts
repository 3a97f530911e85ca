import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { jpegPhoto, pngBomb, pngImage } from '@passerelle/testing';
import { PHOTO_STORED_MAX_SIDE } from '../domain/photo.js';
import { SharpPhotoEncoder } from './photo-encoder.js';

const encoder = new SharpPhotoEncoder();

describe('SharpPhotoEncoder', () => {
  it('keeps only the pixels of a JPEG: no EXIF, GPS, comment, segment between scans, embedded image or trailing bytes', async () => {
    const upload = await jpegPhoto(320, 240, 'CANARY-7f3a');
    expect(upload.toString('latin1')).toContain('CANARY-7f3a between scans');
    expect((await sharp(upload).metadata()).exif).toBeDefined();

    const result = await encoder.encode(upload, 'image/jpeg');
    if (!result.ok) throw new Error(result.reason);
    expect(result).toMatchObject({ contentType: 'image/jpeg', width: 320, height: 240 });
    const text = result.data.toString('latin1');
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain('Exif');
    expect(text).not.toContain('GPS');
    const metadata = await sharp(result.data).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc, metadata.comments]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // One image, ending at its end marker.
    expect(result.data.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
    expect(result.data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('turns the pixels as the EXIF orientation says before dropping it, and brings a large photo down', async () => {
    const turned = await encoder.encode(await jpegPhoto(200, 120, 'x', { orientation: 6 }), 'image/jpeg');
    expect(turned).toMatchObject({ ok: true, width: 120, height: 200 });
    const large = await encoder.encode(await jpegPhoto(2400, 1600, 'x'), 'image/jpeg');
    expect(large).toMatchObject({ ok: true, width: PHOTO_STORED_MAX_SIDE, height: 800 });
  });

  it('keeps a PNG a PNG without its text or private chunks', async () => {
    const result = await encoder.encode(pngImage(200, 160, 'CANARY text', 'CANARY private'), 'image/png');
    if (!result.ok) throw new Error(result.reason);
    expect(result).toMatchObject({ contentType: 'image/png', width: 200, height: 160 });
    expect(result.data.toString('latin1')).not.toContain('CANARY');
    expect(result.data.toString('latin1')).not.toMatch(/tEXt|zTXt|iTXt|eXIf|prVt/);
  });

  it('refuses a decompression bomb by its pixel count without decoding it', async () => {
    const started = performance.now();
    expect(await encoder.encode(pngBomb(8000, 8000), 'image/png')).toMatchObject({
      ok: false,
      code: 'photo.too_big',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses image data that does not decode', async () => {
    const png = pngImage(100, 100);
    const broken = Buffer.concat([png.subarray(0, 60), Buffer.alloc(200, 0x41), png.subarray(-12)]);
    expect(await encoder.encode(broken, 'image/png')).toMatchObject({ ok: false, code: 'photo.corrupt' });
  });
});
