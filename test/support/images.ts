import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real, renderable PNG (an RGB gradient), optionally with a text chunk (metadata to strip) and a
 * private ancillary chunk (which decoders skip, and a chunk filter keeping unknown types would keep).
 */
export function pngImage(width: number, height: number, text?: string, privateChunk?: string): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = (x * 255) / width;
      row[2 + x * 3] = (y * 255) / height;
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(text ? [chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1'))] : []),
    ...(privateChunk ? [chunk('prVt', Buffer.from(privateChunk, 'latin1'))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The segments of a JPEG (not decodable pixels): enough for the structure checks and metadata stripping. */
export function jpegStructure(width: number, height: number, exif?: string): Buffer {
  const segment = (marker: number, data: Buffer): Buffer => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([head, data]);
  };
  const frame = Buffer.from([8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...(exif ? [segment(0xe1, Buffer.from(`Exif\0\0${exif}`, 'latin1'))] : []),
    segment(0xc0, frame),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ]);
}

/**
 * A decompression bomb: a valid one-bit PNG of `width`×`height` blank pixels, a few kilobytes on
 * disk, that decodes to width×height bytes or more.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const comment = (text: string): Buffer => {
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([head, Buffer.from(text, 'latin1')]);
};

/**
 * A real, decodable progressive JPEG as a phone or an editor leaves it, with `canary` hidden in each
 * place metadata or a payload can sit: EXIF (with a GPS position), a comment segment, a comment
 * between two scans, a second embedded JPEG (as a thumbnail or an MPF image) and bytes after it.
 * `orientation` sets the EXIF orientation tag (6: to be turned a quarter clockwise).
 */
export async function jpegPhoto(
  width: number,
  height: number,
  canary: string,
  options: { orientation?: number } = {},
): Promise<Buffer> {
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) gradient.set([(x * 255) / width, (y * 255) / height, 120], (y * width + x) * 3);
  const encoded = await sharp(gradient, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { ImageDescription: `${canary} description`, Artist: `${canary} artist` },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '50/1 37/1 4800/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '3/1 3/1 0/1',
      },
    })
    .withMetadata(options.orientation ? { orientation: options.orientation } : {})
    .jpeg({ progressive: true })
    .toBuffer();
  const embedded = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } })
    .jpeg()
    .toBuffer();
  // The second start of scan: progressive JPEGs have several; markers inside scans are byte-stuffed.
  const firstScan = encoded.indexOf(Buffer.from([0xff, 0xda]));
  const secondScan = encoded.indexOf(Buffer.from([0xff, 0xda]), firstScan + 2);
  if (firstScan < 0 || secondScan < 0) throw new Error('expected a progressive JPEG with several scans');
  return Buffer.concat([
    encoded.subarray(0, 2),
    comment(`${canary} comment`),
    encoded.subarray(2, secondScan),
    comment(`${canary} between scans`),
    encoded.subarray(secondScan),
    Buffer.concat([embedded.subarray(0, 2), comment(`${canary} embedded image`), embedded.subarray(2)]),
    Buffer.from(`${canary} trailing bytes`, 'latin1'),
  ]);
}
