import { describe, expect, it } from '@jest/globals';
import { jpegStructure, pngImage } from '@passerelle/testing';
import { inspectPhoto, PHOTO_MAX_BYTES } from './photo.js';

describe('inspectPhoto', () => {
  it('accepts a PNG, reads its size and drops its text chunks', () => {
    const image = pngImage(120, 90, 'GPS 50.63N 3.06E canary');
    const result = inspectPhoto(image);
    expect(result).toMatchObject({ ok: true, contentType: 'image/png', width: 120, height: 90 });
    if (!result.ok) throw new Error('refused');
    expect(result.data.toString('latin1')).not.toContain('canary');
    expect(result.data.length).toBeLessThan(image.length);
    expect(inspectPhoto(result.data)).toMatchObject({ ok: true, width: 120, height: 90 });
  });

  it('accepts a JPEG, reads its frame size and drops EXIF', () => {
    const result = inspectPhoto(jpegStructure(640, 480, 'GPSLatitude canary'));
    expect(result).toMatchObject({ ok: true, contentType: 'image/jpeg', width: 640, height: 480 });
    if (!result.ok) throw new Error('refused');
    expect(result.data.toString('latin1')).not.toContain('canary');
    expect(result.data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
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

  it('refuses a file over the limit before reading it', () => {
    const big = Buffer.alloc(PHOTO_MAX_BYTES + 1);
    big.set(pngImage(100, 100));
    const result = inspectPhoto(big);
    expect(result).toMatchObject({ ok: false, code: 'photo.too_large' });
    expect(!result.ok && result.reason).toBe('the file is 5 MB; the limit is 5 MB');
  });
});
