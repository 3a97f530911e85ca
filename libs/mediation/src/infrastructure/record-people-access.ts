import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, type AuditAction, AuditLog } from '@passerelle/identity';
import { PeopleAccessLog } from '../application/ports/people-access-log.js';

/**
 * Writes the audit rows of an access to people's data seen through mediation (introductions,
 * candidate requests, a card sent to an employer): one row per person, under their own structure,
 * so their coach's manager finds it and a person's access report lists it.
 */
@Injectable()
export class SqlPeopleAccessLog extends PeopleAccessLog {
  constructor(private readonly audit: AuditLog) {
    super();
  }

  async record(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    beneficiaryIds: readonly string[],
    details: Record<string, unknown>,
  ): Promise<void> {
    const ids = [...new Set(beneficiaryIds)];
    if (ids.length === 0) return;
    const people: Array<{ id: string; structure_id: string }> = await manager.query(
      'SELECT id, structure_id FROM coaching_beneficiary_v WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );
    await this.audit.record(
      actor,
      action,
      people.map((person) => ({ type: 'beneficiary', id: person.id, structureId: person.structure_id })),
      details,
      manager,
    );
  }
}
