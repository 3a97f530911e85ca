import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  type CheckpointRecord,
  type PlacementRecord,
  type PlacementRow,
  PlacementStore,
  type PlacementView,
} from '../application/ports/placement-store.js';
import type { PlacementEndReason } from '../domain/outcomes.js';
import type { InMemoryFollowUpStore } from './in-memory-follow-up-store.js';

type StoredPlacement = PlacementRow & { referent_user_id: string | null; created_by: string };

/** A person as the placements read them. */
export interface PlacementPerson {
  readonly id: string;
  readonly structureId: string;
  readonly referentUserId: string | null;
}

/**
 * Placements held in a map, their checkpoints written to the in-memory follow-ups (as the SQL store
 * writes `follow_up` rows); the manager is ignored. The people it reads are given to it.
 */
export class InMemoryPlacementStore extends PlacementStore {
  readonly placements = new Map<string, StoredPlacement>();
  readonly people = new Map<string, PlacementPerson>();

  constructor(private readonly followUps: InMemoryFollowUpStore) {
    super();
  }

  given(...placements: StoredPlacement[]): this {
    for (const placement of placements) this.placements.set(placement.id, placement);
    return this;
  }

  insert(_manager: EntityManager, placement: PlacementRecord): Promise<string | null> {
    const taken =
      placement.introductionId !== null &&
      [...this.placements.values()].some((one) => one.introduction_id === placement.introductionId);
    if (taken) return Promise.resolve(null);
    const id = randomUUID();
    const text = (value: number | null): string | null => (value === null ? null : String(value));
    this.placements.set(id, {
      id,
      beneficiary_id: placement.beneficiaryId,
      introduction_id: placement.introductionId,
      employer_id: placement.employerId,
      employer_name: placement.employerName,
      found_by: placement.foundBy,
      contract_type: placement.contractType,
      contract_months: text(placement.contractMonths),
      weekly_hours: text(placement.weeklyHours),
      start_date: placement.startDate,
      durable: placement.durable,
      aid_amount: text(placement.aidAmount),
      end_date: null,
      end_reason: null,
      referent_user_id: this.people.get(placement.beneficiaryId)?.referentUserId ?? null,
      created_by: placement.createdBy,
    });
    return Promise.resolve(id);
  }

  addCheckpoint(_manager: EntityManager, checkpoint: CheckpointRecord): Promise<void> {
    const placement = this.placements.get(checkpoint.placementId)!;
    const person = this.people.get(checkpoint.beneficiaryId);
    this.followUps.given({
      id: randomUUID(),
      beneficiary_id: checkpoint.beneficiaryId,
      first_name: null,
      last_name: null,
      kind: 'placement',
      milestone: checkpoint.milestone,
      due_on: checkpoint.dueOn,
      assignee_user_id: checkpoint.assigneeUserId,
      referent_user_id: person?.referentUserId ?? null,
      structure_id: person?.structureId ?? '',
      placement_id: checkpoint.placementId,
      employer_id: placement.employer_id,
      employer_name: placement.employer_name,
      contract_type: placement.contract_type,
      start_date: placement.start_date,
      answered_at: null,
      in_job: null,
      rsa_exit: null,
      difficulties: [],
      employer_view: null,
      note: null,
      employer_form: null,
    });
    return Promise.resolve();
  }

  end(_manager: EntityManager, id: string, endDate: string, reason: PlacementEndReason): Promise<void> {
    this.placements.set(id, { ...this.placements.get(id)!, end_date: endDate, end_reason: reason });
    return Promise.resolve();
  }

  lockPerson(_manager: EntityManager, beneficiaryId: string): Promise<{ id: string; structureId: string } | null> {
    const person = this.people.get(beneficiaryId);
    return Promise.resolve(person ? { id: person.id, structureId: person.structureId } : null);
  }

  lock(_manager: EntityManager, id: string): Promise<StoredPlacement | null> {
    return Promise.resolve(this.placements.get(id) ?? null);
  }

  view(_manager: EntityManager, id: string): Promise<PlacementView> {
    return Promise.resolve(this.toView(this.placements.get(id)!));
  }

  ofPerson(_manager: EntityManager, beneficiaryId: string): Promise<PlacementView[]> {
    return Promise.resolve(
      [...this.placements.values()]
        .filter((placement) => placement.beneficiary_id === beneficiaryId)
        .sort((a, b) => a.start_date.localeCompare(b.start_date))
        .map((placement) => this.toView(placement)),
    );
  }

  private toView(row: StoredPlacement): PlacementView {
    const num = (value: string | null): number | null => (value === null ? null : Number(value));
    return {
      id: row.id,
      beneficiaryId: row.beneficiary_id,
      introductionId: row.introduction_id,
      employerId: row.employer_id,
      employerName: row.employer_name,
      foundBy: row.found_by,
      contractType: row.contract_type,
      contractMonths: num(row.contract_months),
      weeklyHours: num(row.weekly_hours),
      startDate: row.start_date,
      durable: row.durable,
      aidAmount: num(row.aid_amount),
      endDate: row.end_date,
      endReason: row.end_reason,
      checkpoints: [...this.followUps.rows.values()]
        .filter((followUp) => followUp.placement_id === row.id)
        .sort((a, b) => a.due_on.localeCompare(b.due_on))
        .map((followUp) => ({
          id: followUp.id,
          milestone: followUp.milestone,
          dueOn: followUp.due_on,
          answeredAt: followUp.answered_at,
        })),
    };
  }
}
