import type { EntityManager } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { BeneficiaryRow, ScopeCondition } from '../application/ports/beneficiary-access.js';
import {
  BeneficiaryStore,
  type Commune,
  type PortfolioRow,
  type ReferentHistoryEntry,
  type StoredIdentity,
} from '../application/ports/beneficiary-store.js';
import { ACTIVE_STATUSES, type CoachingStatus, type ExitReason } from '../domain/coaching.js';
import { aBeneficiary } from './builders.js';

interface StoredCoach {
  readonly id: string;
  readonly displayName: string;
  readonly structureId: string;
  readonly active: boolean;
}

interface StoredAssignment {
  readonly beneficiaryId: string;
  readonly coachUserId: string;
  readonly assignedBy: string;
  readonly capOverride: boolean;
  readonly reason: string | null;
  readonly startedAt: Date;
  endedAt: Date | null;
}

/**
 * People's files, the coaches they can be given to and the referent history, in memory. The
 * portfolio read (it counts other stores' rows) is not modelled: a test that needs it is an e2e test.
 */
export class InMemoryBeneficiaryStore extends BeneficiaryStore {
  readonly rows = new Map<string, BeneficiaryRow>();
  readonly coaches = new Map<string, StoredCoach>();
  readonly assignments: StoredAssignment[] = [];

  /** Puts a file there as it would be stored; returns it. */
  add(row: BeneficiaryRow = aBeneficiary()): BeneficiaryRow {
    this.rows.set(row.id, { ...row });
    return row;
  }

  /** Registers a user who may be given people: by default an active coach named after their id. */
  addCoach(coach: Actor, options: { displayName?: string; active?: boolean } = {}): void {
    this.coaches.set(coach.userId, {
      id: coach.userId,
      displayName: options.displayName ?? `coach ${coach.userId.slice(0, 8)}`,
      structureId: coach.structureId,
      active: (options.active ?? true) && coach.roles.includes('coach'),
    });
  }

  /** The file as stored now (throws when there is none: the test is wrong). */
  get(id: string): BeneficiaryRow {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no beneficiary ${id} in memory`);
    return row;
  }

  override insert(
    _manager: EntityManager,
    structureId: string,
    identity: StoredIdentity & { readonly commune: Commune },
    orientationDate: string,
  ): Promise<BeneficiaryRow> {
    const row = aBeneficiary({
      structure_id: structureId,
      first_name: identity.firstName,
      last_name: identity.lastName,
      birth_date: identity.birthDate,
      email: identity.email,
      phone: identity.phone,
      address: identity.address,
      commune_insee: identity.commune.inseeCode,
      commune_name: identity.commune.name,
      postal_code: identity.commune.postalCode,
      home_departement: null,
      orientation_date: orientationDate,
      status: 'oriented',
    });
    this.rows.set(row.id, row);
    return Promise.resolve({ ...row });
  }

  override updateIdentity(
    _manager: EntityManager,
    id: string,
    identity: StoredIdentity & { readonly commune: Commune | null },
    cv: { readonly platform: string | null; readonly depositedOn: string | null },
    current: BeneficiaryRow,
  ): Promise<BeneficiaryRow> {
    return this.change(id, {
      first_name: identity.firstName,
      last_name: identity.lastName,
      birth_date: identity.birthDate,
      email: identity.email,
      phone: identity.phone,
      address: identity.address,
      commune_insee: identity.commune?.inseeCode ?? current.commune_insee,
      commune_name: identity.commune?.name ?? current.commune_name,
      postal_code: identity.commune?.postalCode ?? current.postal_code,
      cv_platform: cv.platform as BeneficiaryRow['cv_platform'],
      cv_deposited_on: cv.depositedOn,
    });
  }

  override async startCoaching(_manager: EntityManager, id: string): Promise<void> {
    await this.change(id, { status: 'in_coaching' });
  }

  override end(
    _manager: EntityManager,
    id: string,
    end: { status: CoachingStatus; exitReason: ExitReason | null; reorientedTo: string | null; on: string },
  ): Promise<BeneficiaryRow> {
    return this.change(id, {
      status: end.status,
      exit_reason: end.exitReason,
      reoriented_to: end.reorientedTo,
      ended_on: end.on,
    });
  }

  override lockActiveCoach(
    _manager: EntityManager,
    userId: string,
  ): Promise<{ id: string; displayName: string; structureId: string } | null> {
    const coach = this.coaches.get(userId);
    return Promise.resolve(
      coach?.active ? { id: coach.id, displayName: coach.displayName, structureId: coach.structureId } : null,
    );
  }

  override activeLoad(_manager: EntityManager, coachUserId: string, exceptId: string): Promise<number> {
    return Promise.resolve(
      [...this.rows.values()].filter(
        (row) =>
          row.referent_user_id === coachUserId &&
          ACTIVE_STATUSES.includes(row.status) &&
          row.erased_at === null &&
          row.id !== exceptId,
      ).length,
    );
  }

  override reassign(
    _manager: EntityManager,
    id: string,
    assignment: { coachUserId: string; assignedBy: string; capOverride: boolean; reason: string | null },
  ): Promise<BeneficiaryRow> {
    const now = new Date();
    for (const current of this.assignments)
      if (current.beneficiaryId === id && current.endedAt === null) current.endedAt = now;
    this.assignments.push({ beneficiaryId: id, ...assignment, startedAt: now, endedAt: null });
    return this.change(id, { referent_user_id: assignment.coachUserId });
  }

  override cardIdentity(
    _manager: EntityManager,
    id: string,
  ): Promise<{ id: string; structureId: string; firstName: string | null } | null> {
    const row = this.rows.get(id);
    return Promise.resolve(
      row && row.erased_at === null ? { id: row.id, structureId: row.structure_id, firstName: row.first_name } : null,
    );
  }

  override referentName(_manager: EntityManager, userId: string | null): Promise<string | null> {
    return Promise.resolve(userId ? (this.coaches.get(userId)?.displayName ?? null) : null);
  }

  override referents(_manager: EntityManager, id: string): Promise<ReferentHistoryEntry[]> {
    return Promise.resolve(
      this.assignments
        .filter((assignment) => assignment.beneficiaryId === id)
        .map((assignment) => ({
          coachUserId: assignment.coachUserId,
          coachName: this.coaches.get(assignment.coachUserId)?.displayName ?? null,
          startedAt: assignment.startedAt,
          endedAt: assignment.endedAt,
          capOverride: assignment.capOverride,
          assignedByUserId: assignment.assignedBy,
          assignedByName: this.coaches.get(assignment.assignedBy)?.displayName ?? null,
          reason: assignment.reason,
        })),
    );
  }

  override portfolio(
    _manager: EntityManager,
    _scope: ScopeCondition,
    _coachUserId: string | null,
    _statuses: readonly CoachingStatus[] | null,
  ): Promise<PortfolioRow[]> {
    return Promise.reject(new Error('the portfolio read is not modelled in memory: test it end to end'));
  }

  private change(id: string, changes: Partial<BeneficiaryRow>): Promise<BeneficiaryRow> {
    const row = { ...this.get(id), ...changes, updated_at: new Date() };
    this.rows.set(id, row);
    return Promise.resolve({ ...row });
  }
}
