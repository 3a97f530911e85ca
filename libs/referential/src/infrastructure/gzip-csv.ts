import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { csvRecords, type CsvOptions } from '../domain/csv-parser.js';

/** The bundled files sit beside `src/`, in the sources (jest) as in `dist/` (the build copies them). */
export const DATA_DIRECTORY = new URL('../../data/', import.meta.url);

export interface DigestSink {
  /** Called once per file read, with the SHA-256 of its bytes as stored (gzipped). */
  (file: string, sha256: string): void;
}

/** Decompresses as it reads: the text of a file never sits in memory whole. */
function gunzipText(file: string, onDigest?: DigestSink): AsyncIterable<string> {
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      onDigest?.(file, hash.digest('hex'));
      callback();
    },
  });
  const gunzip = createGunzip();
  // Errors reach the reader through the gunzip stream, which pipeline destroys with them.
  pipeline(createReadStream(new URL(file, DATA_DIRECTORY)), hashing, gunzip, () => undefined);
  gunzip.setEncoding('utf8');
  return gunzip;
}

export async function readGzipCsv<Column extends string>(
  file: string,
  columns: readonly Column[],
  options: CsvOptions & { onDigest?: DigestSink } = {},
): Promise<Array<Record<Column, string>>> {
  const records: Array<Record<Column, string>> = [];
  for await (const record of csvRecords(gunzipText(file, options.onDigest), columns, options)) records.push(record);
  return records;
}

export async function readDataText(file: string): Promise<string> {
  return readFile(new URL(file, DATA_DIRECTORY), 'utf8');
}
