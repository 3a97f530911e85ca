import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, BeneficiaryAccess, coachingError, parisToday } from '@passerelle/coaching';
import { Clock, type ErrorDetail } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { ReadIntroduction } from '@passerelle/mediation';
import { OfferStore } from '@passerelle/offers';
import {
  checkpointDates,
  FIXED_TERM,
  isDurable,
  MILESTONES,
  type Milestone,
  type PlacementContract,
  type PlacementFoundBy,
} from '../domain/outcomes.js';
import { outcomesError } from '../domain/outcomes-errors.js';
import { FollowUpScheduler } from './ports/follow-up-scheduler.js';
import { PlacementStore, type PlacementView } from './ports/placement-store.js';

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

/**
 * A job started, created from a hired introduction (its offer then closes as filled) or recorded
 * directly (a job found alone counts too). Each one schedules its M+1, M+3 and M+6 checkpoints.
 */
@Injectable()
export class RecordPlacement {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly introductions: ReadIntroduction,
    private readonly scheduler: FollowUpScheduler,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly offers: OfferStore,
    private readonly placements: PlacementStore,
  ) {}

  async execute(actor: Actor, input: NewPlacement): Promise<PlacementView> {
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
      const introduction = await this.introductions.execute(actor, input.introductionId);
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
      const placementId = await this.placements.insert(manager, {
        beneficiaryId: person.id,
        introductionId: source.introductionId,
        employerId: source.employerId,
        employerName: source.employerName,
        foundBy: source.foundBy,
        contractType: input.contractType,
        contractMonths: input.contractMonths ?? null,
        weeklyHours: input.weeklyHours ?? null,
        startDate: input.startDate,
        durable: isDurable(input.contractType, input.contractMonths ?? null),
        aidAmount: input.aidAmount ?? null,
        createdBy: actor.userId,
      });
      if (!placementId)
        throw outcomesError('placement.exists', 'this introduction already has its placement', [
          { field: 'introductionId', reason: 'already recorded' },
        ]);
      const dates = checkpointDates(input.startDate);
      for (const milestone of Object.keys(MILESTONES) as Milestone[])
        await this.placements.addCheckpoint(manager, {
          beneficiaryId: person.id,
          placementId,
          milestone,
          dueOn: dates[milestone],
          assigneeUserId: actor.userId,
        });
      // The hire fills the job: its offer closes as filled and leaves matched search (outbox).
      if (source.offerId) await this.offers.close([source.offerId], 'filled', manager);
      return placementId;
    });
    await this.scheduler.scheduleForPlacement(id);
    return this.placements.view(this.dataSource.manager, id);
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
    const person = await this.placements.lockPerson(manager, id);
    if (!person) throw coachingError('beneficiary.not_found', 'no beneficiary with this id');
    await this.audit.record(
      actor,
      'update',
      [{ type: 'beneficiary', id, structureId: person.structureId }],
      { part: 'placement', through: 'introduction' },
      manager,
    );
    return person;
  }
}
