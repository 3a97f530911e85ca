import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Records a run could not take, with why (`ingestion_rejection`), written in one statement per batch. */
@Injectable()
export class RejectionStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    runId: string,
    sourceId: string,
    rejections: ReadonlyArray<{
      externalId: string | null;
      url: string | null;
      field: string | null;
      reason: string;
      payloadHash: string | null;
    }>,
  ): Promise<void> {
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
