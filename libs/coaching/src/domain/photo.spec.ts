import { describe, expect, it } from '@jest/globals';
import { jpegStructure, pngBomb, pngImage } from '@passerelle/testing';
import { inspectPhoto, PHOTO_MAX_BYTES } from './photo.js';

describe('inspectPhoto', () => {
  it('accepts a PNG and reads its declared size', () => {
    const result = inspectPhoto(pngImage(120, 90, 'GPS 50.63N 3.06E canary'));
    expect(result).toEqual({ ok: true, contentType: 'image/png', width: 120, height: 90 });
  });

  it('accepts a JPEG and reads its frame size past the EXIF segment', () => {
    const result = inspectPhoto(jpegStructure(640, 480, 'GPSLatitude canary'));
    expect(result).toEqual({ ok: true, contentType: 'image/jpeg', width: 640, height: 480 });
  });

  it('refuses what is not a JPEG or PNG, whatever its name, saying what it is', () => {
    const script = inspectPhoto(Buffer.from('#!/bin/sh\nrm -rf /\n'));
    expect(script).toMatchObject({ ok: false, code: 'photo.not_an_image' });
    expect(!script.ok && script.reason).toContain('a script');
    const html = inspectPhoto(Buffer.from('<html><script>alert(1)</script></html>'));
    expect(!html.ok && html.reason).toContain('script or web page');
    expect(inspectPhoto(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('GIF') as unknown,
    });
    expect(inspectPhoto(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'photo.empty' });
  });

  it('refuses truncated files, and sizes out of bounds', () => {
    const png = pngImage(100, 100);
    expect(inspectPhoto(png.subarray(0, png.length - 20))).toMatchObject({ ok: false, code: 'photo.corrupt' });
    const jpeg = jpegStructure(100, 100);
    expect(inspectPhoto(jpeg.subarray(0, 10))).toMatchObject({ ok: false, code: 'photo.corrupt' });
    expect(inspectPhoto(pngImage(32, 200))).toMatchObject({ ok: false, code: 'photo.too_small' });
    expect(inspectPhoto(jpegStructure(9000, 100))).toMatchObject({ ok: false, code: 'photo.too_big' });
  });

  it('refuses a decompression bomb by its declared pixel count, each side being within bounds', () => {
    const bomb = pngBomb(8000, 8000);
    expect(bomb.length).toBeLessThan(100_000);
    const result = inspectPhoto(bomb);
    expect(result).toMatchObject({ ok: false, code: 'photo.too_big' });
    expect(!result.ok && result.reason).toBe('the image is 8000×8000 pixels; at most 36 million pixels');
  });

  it('refuses a file over the limit before reading it', () => {
    const big = Buffer.alloc(PHOTO_MAX_BYTES + 1);
    big.set(pngImage(100, 100));
    const result = inspectPhoto(big);
    expect(result).toMatchObject({ ok: false, code: 'photo.too_large' });
    expect(!result.ok && result.reason).toBe('the file is 5 MB; the limit is 5 MB');
  });
});
