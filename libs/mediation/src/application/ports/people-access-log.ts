import type { EntityManager } from 'typeorm';
import type { Actor, AuditAction } from '@passerelle/identity';

/**
 * The audit of an access to people's data seen through mediation (introductions, candidate
 * requests, a card sent to an employer): one row per person, under their own structure.
 */
export abstract class PeopleAccessLog {
  abstract record(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    beneficiaryIds: readonly string[],
    details: Record<string, unknown>,
  ): Promise<void>;
}
