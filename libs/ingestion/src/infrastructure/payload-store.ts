import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FetchedPayload } from '../domain/source.js';
import { type CachedPage, PayloadStore } from '../application/ports/payload-store.js';

export type { CachedPage } from '../application/ports/payload-store.js';

export function payloadHash(payload: FetchedPayload): string {
  return createHash('sha256').update(payload.body).digest('hex');
}

/** Raw payloads and validators in PostgreSQL (`raw_payload`, `fetch_cache`). */
@Injectable()
export class SqlPayloadStore extends PayloadStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async putMany(sourceId: string, payloads: readonly FetchedPayload[]): Promise<string[]> {
    const hashes = payloads.map(payloadHash);
    const unique = new Map<string, FetchedPayload>();
    payloads.forEach((payload, index) => unique.set(hashes[index], payload));
    if (unique.size > 0) {
      // Bodies already stored (an unchanged offer, a page fetched before) are not sent again.
      const known: Array<{ hash: string }> = await this.dataSource.query(
        'SELECT hash FROM raw_payload WHERE hash = ANY($1)',
        [[...unique.keys()]],
      );
      for (const { hash } of known) unique.delete(hash);
    }
    if (unique.size > 0) {
      const entries = [...unique.entries()];
      await this.dataSource.query(
        `INSERT INTO raw_payload (hash, source_id, url, content_type, body)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (hash) DO NOTHING`,
        [
          entries.map(([hash]) => hash),
          entries.map(() => sourceId),
          entries.map(([, payload]) => payload.url),
          entries.map(([, payload]) => payload.contentType),
          entries.map(([, payload]) => payload.body),
        ],
      );
    }
    return hashes;
  }

  async rememberValidators(
    entries: ReadonlyArray<{ url: string; etag: string | null; lastModified: string | null; hash: string }>,
  ): Promise<void> {
    const withValidators = entries.filter((entry) => entry.etag || entry.lastModified);
    if (withValidators.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO fetch_cache (url, etag, last_modified, payload_hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
         payload_hash = EXCLUDED.payload_hash, fetched_at = now()`,
      [
        withValidators.map((entry) => entry.url),
        withValidators.map((entry) => entry.etag),
        withValidators.map((entry) => entry.lastModified),
        withValidators.map((entry) => entry.hash),
      ],
    );
  }

  /**
   * What a `reparse` replays, in pages of `pageSize` (keyset on the hash, so memory stays flat): the
   * payload of each open offer of the source, and the payloads its last fetching run rejected.
   */
  async *replayable(sourceId: string, sourceName: string, pageSize = 200): AsyncGenerator<FetchedPayload> {
    let after = '';
    for (;;) {
      const rows: Array<{ hash: string; url: string | null; content_type: string; body: string }> =
        await this.dataSource.query(
          `SELECT p.hash, p.url, p.content_type, p.body FROM raw_payload p
           WHERE p.hash > $3 AND p.hash IN (
             SELECT payload_hash FROM offers_offer_v WHERE source = $2 AND status = 'open' AND payload_hash IS NOT NULL
             UNION
             SELECT r.payload_hash FROM ingestion_rejection r
             WHERE r.payload_hash IS NOT NULL AND r.run_id = (
               SELECT id FROM ingestion_run WHERE source_id = $1 AND trigger <> 'reparse'
               ORDER BY started_at DESC LIMIT 1))
           ORDER BY p.hash LIMIT $4`,
          [sourceId, sourceName, after, pageSize],
        );
      for (const row of rows) yield { body: row.body, contentType: row.content_type, url: row.url };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].hash;
    }
  }

  async cached(url: string): Promise<CachedPage | null> {
    const rows: Array<{ etag: string | null; last_modified: string | null; body: string; content_type: string }> =
      await this.dataSource.query(
        `SELECT c.etag, c.last_modified, p.body, p.content_type FROM fetch_cache c
         JOIN raw_payload p ON p.hash = c.payload_hash WHERE c.url = $1`,
        [url],
      );
    const row = rows[0];
    return row
      ? { etag: row.etag, lastModified: row.last_modified, body: row.body, contentType: row.content_type }
      : null;
  }
}
