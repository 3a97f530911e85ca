import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { type AuditEventPageQuery, AuditEventReader } from '../application/ports/audit-event-reader.js';
import { AuditEventEntity } from './audit-event.entity.js';

/** Pages of the audit log (`audit_event`), newest first, through TypeORM. */
@Injectable()
export class SqlAuditEventReader extends AuditEventReader {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {
    super();
  }

  page(structureIds: readonly string[] | null, query: AuditEventPageQuery): Promise<[AuditEventEntity[], number]> {
    const builder = this.events
      .createQueryBuilder('e')
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    if (structureIds !== null) {
      builder.andWhere(
        new Brackets((where) =>
          where
            .where('e.subject_structure_id = ANY(:ids)', { ids: structureIds })
            .orWhere('e.actor_structure_id = ANY(:ids)', { ids: structureIds }),
        ),
      );
    }
    if (query.subjectType) builder.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) builder.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.actorUserId) builder.andWhere('e.actor_user_id = :actorUserId', { actorUserId: query.actorUserId });
    if (query.from) builder.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('e.occurred_at < :to', { to: query.to });
    return builder.getManyAndCount();
  }
}
