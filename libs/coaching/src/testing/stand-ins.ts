import type { EntityManager } from 'typeorm';
import type { Action, Actor } from '@passerelle/identity';
import type { BeneficiaryAccess } from '../application/ports/beneficiary-access.js';
import { coachingError } from '../domain/coaching-errors.js';

/*
 * Stand-ins for coaching's doors in other contexts' use-case tests (mediation, outcomes): they hold
 * what a test gives them and record what they are asked; coaching's own specs test the real ones.
 */

/** A person as coaching's gate reads them. */
export interface FakePerson {
  readonly id: string;
  readonly structure_id: string;
  readonly referent_user_id: string | null;
}

/** Coaching's gate to people's files: the people given exist (404 for any other), every opening is recorded. */
export class FakeBeneficiaries {
  readonly openings: Array<{ actor: Actor; id: string; details: Record<string, unknown> }> = [];
  private readonly people = new Map<string, FakePerson>();

  constructor(...people: FakePerson[]) {
    for (const person of people) this.people.set(person.id, person);
  }

  get access(): BeneficiaryAccess {
    const open = (actor: Actor, id: string, details: Record<string, unknown> = {}): Promise<FakePerson> => {
      const person = this.people.get(id);
      if (!person) return Promise.reject(coachingError('beneficiary.not_found', 'no beneficiary with this id'));
      this.openings.push({ actor, id, details });
      return Promise.resolve(person);
    };
    const gate = {
      scope: () => Promise.resolve({ sql: 'true', params: [] }),
      open: (actor: Actor, _action: Action, id: string, audit: { details?: Record<string, unknown> }) =>
        open(actor, id, audit.details),
      openForUpdate: (
        actor: Actor,
        id: string,
        part: string,
        _manager: EntityManager,
        details: Record<string, unknown> = {},
      ) => open(actor, id, { part, ...details }),
    };
    return gate as unknown as BeneficiaryAccess;
  }
}
