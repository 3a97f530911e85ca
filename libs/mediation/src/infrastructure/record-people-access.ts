import type { EntityManager } from 'typeorm';
import type { Actor, AuditAction, AuditLog } from '@passerelle/identity';

/**
 * Writes the audit rows of an access to people's data seen through mediation (introductions,
 * candidate requests, a card sent to an employer): one row per person, under their own structure,
 * so their coach's manager finds it and a person's access report lists it.
 */
export async function recordPeopleAccess(
  audit: AuditLog,
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
  await audit.record(
    actor,
    action,
    people.map((person) => ({ type: 'beneficiary', id: person.id, structureId: person.structure_id })),
    details,
    manager,
  );
}
