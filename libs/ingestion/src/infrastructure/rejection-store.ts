import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type RejectionRecord, RejectionStore } from '../application/ports/rejection-store.js';

/** Records a run could not take, with why (`ingestion_rejection`), written in one statement per batch. */
@Injectable()
export class SqlRejectionStore extends RejectionStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async record(runId: string, sourceId: string, rejections: readonly RejectionRecord[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ingestion_rejection (run_id, source_id, external_id, url, field, reason, payload_hash)
       SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        runId,
        sourceId,
        rejections.map((rejection) => rejection.externalId),
        rejections.map((rejection) => rejection.url),
        rejections.map((rejection) => rejection.field),
        rejections.map((rejection) => rejection.reason.slice(0, 1000)),
        rejections.map((rejection) => rejection.payloadHash),
      ],
    );
  }
}
