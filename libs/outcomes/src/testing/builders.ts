import { randomUUID } from 'node:crypto';
import type { Actor } from '@passerelle/identity';
import type { FollowUpRow } from '../application/ports/follow-up-store.js';
import type { PlacementRow } from '../application/ports/placement-store.js';

export const STRUCTURE = '10000000-0000-4000-8000-000000000001';

/** A referent coach. */
export function aCoach(overrides: Partial<Actor> = {}): Actor {
  return { userId: randomUUID(), structureId: STRUCTURE, roles: ['coach'], ...overrides };
}

/** A checkpoint of a placement, due on `due_on`, unanswered. */
export function aFollowUp(overrides: Partial<FollowUpRow> = {}): FollowUpRow {
  return {
    id: randomUUID(),
    beneficiary_id: randomUUID(),
    first_name: 'Jeannine',
    last_name: 'Dupont',
    kind: 'placement',
    milestone: 'm1',
    due_on: '2026-04-10',
    assignee_user_id: null,
    referent_user_id: null,
    structure_id: STRUCTURE,
    placement_id: randomUUID(),
    employer_id: null,
    employer_name: 'Boulangerie Paul',
    contract_type: 'cdd',
    start_date: '2026-03-10',
    answered_at: null,
    in_job: null,
    rsa_exit: null,
    difficulties: [],
    employer_view: null,
    note: null,
    employer_form: null,
    ...overrides,
  };
}

/** A job started, as stored, with who may change it. */
export function aPlacement(
  overrides: Partial<PlacementRow & { referent_user_id: string | null; created_by: string }> = {},
): PlacementRow & { referent_user_id: string | null; created_by: string } {
  return {
    id: randomUUID(),
    beneficiary_id: randomUUID(),
    introduction_id: null,
    employer_id: null,
    employer_name: 'Boulangerie Paul',
    found_by: 'self',
    contract_type: 'cdd',
    contract_months: '4',
    weekly_hours: '24',
    start_date: '2026-03-10',
    durable: false,
    aid_amount: null,
    end_date: null,
    end_reason: null,
    referent_user_id: null,
    created_by: randomUUID(),
    ...overrides,
  };
}
