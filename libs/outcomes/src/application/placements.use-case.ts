import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, BeneficiaryAccess, parisToday } from '@passerelle/coaching';
import { Clock, DomainError, type ErrorDetail, updateReturning } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { ManageIntroductions } from '@passerelle/mediation';
import { OfferStore } from '@passerelle/offers';
import {
  checkpointDates,
  FIXED_TERM,
  isDurable,
  MILESTONES,
  type Milestone,
  type PlacementContract,
  type PlacementEndReason,
  type PlacementFoundBy,
} from '../domain/outcomes.js';
import { FollowUpScheduler } from '../infrastructure/follow-up-scheduler.js';
import { outcomesError } from '../domain/outcomes-errors.js';

export interface NewPlacement {
  readonly introductionId?: string;
  readonly beneficiaryId?: string;
  readonly employerId?: string;
  readonly employerName?: string;
  readonly foundBy?: 'coach' | 'self';
  readonly contractType: PlacementContract;
  readonly contractMonths?: number | null;
  readonly weeklyHours?: number | null;
  readonly startDate: string;
  /** Aide à la reprise d'activité granted for the start, in euros. */
  readonly aidAmount?: number | null;
}

export interface PlacementView {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly introductionId: string | null;
  readonly employerId: string | null;
  readonly employerName: string;
  readonly foundBy: PlacementFoundBy;
  readonly contractType: PlacementContract;
  readonly contractMonths: number | null;
  readonly weeklyHours: number | null;
  readonly startDate: string;
  readonly durable: boolean;
  readonly aidAmount: number | null;
  readonly endDate: string | null;
  readonly endReason: PlacementEndReason | null;
  readonly checkpoints: Array<{ id: string; milestone: Milestone; dueOn: string; answeredAt: Date | null }>;
}

interface PlacementRow {
  id: string;
  beneficiary_id: string;
  introduction_id: string | null;
  employer_id: string | null;
  employer_name: string;
  found_by: PlacementFoundBy;
  contract_type: PlacementContract;
  contract_months: string | null;
  weekly_hours: string | null;
  start_date: string;
  durable: boolean;
  aid_amount: string | null;
  end_date: string | null;
  end_reason: PlacementEndReason | null;
}

/**
 * Placements: a job started, created from a hired introduction or recorded directly (a job found
 * alone counts too). Each one schedules its M+1, M+3 and M+6 checkpoints.
 */
@Injectable()
export class ManagePlacements {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly introductions: ManageIntroductions,
    private readonly scheduler: FollowUpScheduler,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly offers: OfferStore,
  ) {}

  async create(actor: Actor, input: NewPlacement): Promise<PlacementView> {
    this.check(input);
    let source: {
      beneficiaryId: string;
      employerId: string | null;
      employerName: string;
      foundBy: PlacementFoundBy;
      introductionId: string | null;
      offerId: string | null;
    };
    if (input.introductionId) {
      // Staff of the introduction's structure or the person's coach (404 for anyone else).
      const introduction = await this.introductions.get(actor, input.introductionId);
      if (introduction.status !== 'hired')
        throw outcomesError('placement.not_hired', 'a placement follows a hired introduction', [
          { field: 'introductionId', reason: `the introduction is ${introduction.status}` },
        ]);
      source = {
        beneficiaryId: introduction.beneficiaryId,
        employerId: introduction.employerId,
        employerName: introduction.employerName,
        foundBy: 'introduction',
        introductionId: introduction.id,
        offerId: introduction.offerId,
      };
    } else {
      if (!input.beneficiaryId || !input.employerName?.trim())
        throw outcomesError('placement.incomplete', 'name the person and the employer', [
          ...(input.beneficiaryId ? [] : [{ field: 'beneficiaryId', reason: 'required without an introduction' }]),
          ...(input.employerName?.trim()
            ? []
            : [{ field: 'employerName', reason: 'required without an introduction' }]),
        ]);
      source = {
        beneficiaryId: input.beneficiaryId,
        employerId: input.employerId ?? null,
        employerName: input.employerName.trim(),
        foundBy: input.foundBy ?? 'self',
        introductionId: null,
        offerId: null,
      };
    }
    const id = await this.dataSource.transaction(async (manager) => {
      // A hire through an introduction was authorised by opening it (its staff or the coach).
      const person = source.introductionId
        ? await this.lockPerson(manager, actor, source.beneficiaryId)
        : await this.access.openForUpdate(actor, source.beneficiaryId, 'placement', manager);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO placement (beneficiary_id, introduction_id, employer_id, employer_name, found_by, contract_type,
           contract_months, weekly_hours, start_date, durable, aid_amount, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (introduction_id) DO NOTHING RETURNING id`,
        [
          person.id,
          source.introductionId,
          source.employerId,
          source.employerName,
          source.foundBy,
          input.contractType,
          input.contractMonths ?? null,
          input.weeklyHours ?? null,
          input.startDate,
          isDurable(input.contractType, input.contractMonths ?? null),
          input.aidAmount ?? null,
          actor.userId,
        ],
      );
      if (inserted.length === 0)
        throw outcomesError('placement.exists', 'this introduction already has its placement', [
          { field: 'introductionId', reason: 'already recorded' },
        ]);
      const dates = checkpointDates(input.startDate);
      for (const milestone of Object.keys(MILESTONES) as Milestone[])
        await manager.query(
          `INSERT INTO follow_up (beneficiary_id, kind, placement_id, milestone, due_on, assignee_user_id)
           VALUES ($1, 'placement', $2, $3, $4, $5)`,
          [person.id, inserted[0].id, milestone, dates[milestone], actor.userId],
        );
      // The hire fills the job: its offer closes as filled and leaves matched search (outbox).
      if (source.offerId) await this.offers.close([source.offerId], 'filled', manager);
      return inserted[0].id;
    });
    await this.scheduler.scheduleForPlacement(id);
    return this.view(this.dataSource.manager, id);
  }

  /** The job ended (before or after a checkpoint): later checkpoints still ask how the person is. */
  async end(actor: Actor, id: string, input: { endDate: string; reason: PlacementEndReason }): Promise<PlacementView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openPlacement(manager, actor, id);
      if (input.endDate < row.start_date)
        throw outcomesError('placement.end_before_start', 'the job ends before it starts', [
          { field: 'endDate', reason: `before the start ${row.start_date}` },
        ]);
      if (input.endDate > parisToday(this.clock.now()))
        throw outcomesError('placement.end_in_future', 'record the end once it happened', [
          { field: 'endDate', reason: 'in the future' },
        ]);
      await updateReturning(manager, 'UPDATE placement SET end_date = $2, end_reason = $3 WHERE id = $1 RETURNING id', [
        id,
        input.endDate,
        input.reason,
      ]);
      return this.view(manager, id);
    });
  }

  async list(actor: Actor, beneficiaryId: string): Promise<PlacementView[]> {
    await this.access.open(actor, 'beneficiaries.read', beneficiaryId, {
      action: 'read',
      details: { part: 'placements' },
    });
    // Two queries whatever the number of placements: the rows, then all their checkpoints.
    const rows: PlacementRow[] = await this.dataSource.query(
      'SELECT * FROM placement WHERE beneficiary_id = $1 ORDER BY start_date, id',
      [beneficiaryId],
    );
    const checkpoints = await this.checkpoints(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toView(row, checkpoints.get(row.id) ?? []));
  }

  private check(input: NewPlacement): void {
    const problems: ErrorDetail[] = [];
    const months = input.contractMonths ?? null;
    if (FIXED_TERM.includes(input.contractType) && months === null)
      problems.push({
        field: 'contractMonths',
        reason: `required for a ${input.contractType} (durable from 6 months)`,
      });
    if (input.contractType === 'cdi' && months !== null)
      problems.push({ field: 'contractMonths', reason: 'a CDI has no duration' });
    const today = parisToday(this.clock.now());
    if (input.startDate > addDays(today, 366)) problems.push({ field: 'startDate', reason: 'more than a year ahead' });
    if (problems.length > 0) throw outcomesError('placement.invalid', 'the placement is not consistent', problems);
  }

  private async lockPerson(manager: EntityManager, actor: Actor, id: string): Promise<{ id: string }> {
    const rows: Array<{ id: string; structure_id: string }> = await manager.query(
      'SELECT id, structure_id FROM beneficiary WHERE id = $1 AND erased_at IS NULL FOR UPDATE',
      [id],
    );
    if (rows.length === 0) throw new DomainError('not_found', 'beneficiary.not_found', 'no beneficiary with this id');
    await this.audit.record(
      actor,
      'update',
      [{ type: 'beneficiary', id, structureId: rows[0].structure_id }],
      { part: 'placement', through: 'introduction' },
      manager,
    );
    return rows[0];
  }

  /** The person's referent coach, or the staff who recorded it (a mediator after a hire). */
  private async openPlacement(manager: EntityManager, actor: Actor, id: string): Promise<PlacementRow> {
    const rows: Array<PlacementRow & { referent_user_id: string | null; created_by: string }> = await manager.query(
      `SELECT p.*, b.referent_user_id FROM placement p JOIN beneficiary b ON b.id = p.beneficiary_id
       WHERE p.id = $1 AND b.erased_at IS NULL FOR UPDATE OF p`,
      [id],
    );
    const row = rows.at(0);
    if (!row || (row.referent_user_id !== actor.userId && row.created_by !== actor.userId))
      throw outcomesError('placement.not_found', 'no placement with this id');
    return row;
  }

  private async view(manager: EntityManager, id: string): Promise<PlacementView> {
    const rows: PlacementRow[] = await manager.query('SELECT * FROM placement WHERE id = $1', [id]);
    return toView(rows[0], (await this.checkpoints(manager, [id])).get(id) ?? []);
  }

  /** The checkpoints of these placements, by placement, in date order. */
  private async checkpoints(manager: EntityManager, ids: readonly string[]): Promise<Map<string, CheckpointRow[]>> {
    const rows: Array<CheckpointRow & { placement_id: string }> = await manager.query(
      `SELECT placement_id, id, milestone, due_on, answered_at FROM follow_up
       WHERE placement_id = ANY($1::uuid[]) ORDER BY due_on`,
      [[...ids]],
    );
    const byPlacement = new Map<string, CheckpointRow[]>();
    for (const row of rows) byPlacement.set(row.placement_id, [...(byPlacement.get(row.placement_id) ?? []), row]);
    return byPlacement;
  }
}

interface CheckpointRow {
  id: string;
  milestone: Milestone;
  due_on: string;
  answered_at: Date | null;
}

function toView(row: PlacementRow, checkpoints: readonly CheckpointRow[]): PlacementView {
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
    checkpoints: checkpoints.map((checkpoint) => ({
      id: checkpoint.id,
      milestone: checkpoint.milestone,
      dueOn: checkpoint.due_on,
      answeredAt: checkpoint.answered_at,
    })),
  };
}
