import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CodedOffer } from '@passerelle/referential';
import type { DataSource } from 'typeorm';
import { CodedOfferSource } from '../application/ports/coded-offer-source.js';

/** Rows read a page at a time, so a large store is never held in memory at once. */
const PAGE = 1000;

@Injectable()
export class SqlCodedOfferSource extends CodedOfferSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  /** Newest seen first (keyset paging on last_seen_at, id): the same store gives the same order. */
  async *newest(limit: number): AsyncIterable<CodedOffer> {
    let after: { seen: Date; id: string } | null = null;
    let given = 0;
    while (given < limit) {
      const rows: Array<{ id: string; title: string; description: string; rome_code: string; last_seen_at: Date }> =
        await this.db.query(
          `SELECT id, title, description, rome_code, last_seen_at FROM offer
            WHERE rome_code IS NOT NULL AND NOT rome_inferred AND duplicate_of IS NULL
              AND ($1::timestamptz IS NULL OR (last_seen_at, id) < ($1::timestamptz, $2::uuid))
            ORDER BY last_seen_at DESC, id DESC LIMIT $3`,
          [after?.seen ?? null, after?.id ?? null, Math.min(PAGE, limit - given)],
        );
      for (const row of rows) yield { title: row.title, description: row.description, codeRome: row.rome_code };
      given += rows.length;
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { seen: last.last_seen_at, id: last.id };
    }
  }
}
