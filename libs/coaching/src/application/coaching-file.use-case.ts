import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, RuntimeSettings, type ErrorDetail, updateReturning } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { ReferentialIndex } from '@passerelle/referential';
import {
  addMonths,
  type AidDecision,
  type AidKind,
  type BarrierKind,
  type BarrierStatus,
  type CerOutcome,
  type ConsentPurpose,
  type EventKind,
  type ExitReason,
  parisToday,
  statusAfterOutcome,
} from '../domain/coaching.js';
import { type Diagnostic, diagnosticProblems } from '../domain/diagnostic.js';
import { PhotoStore } from '../infrastructure/photo-store.js';
import { BeneficiaryAccess, type BeneficiaryRow } from '../infrastructure/beneficiary-access.js';
import { type BeneficiarySummary, toSummary } from './beneficiaries.use-case.js';

export interface BarrierView {
  readonly id: string;
  readonly kind: BarrierKind;
  readonly status: BarrierStatus;
  readonly description: string | null;
  readonly actions: string | null;
  /** Health barriers only, and only for the referent coach; `null` for everyone else. */
  readonly healthNote?: string | null;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

export interface CerView {
  readonly id: string;
  readonly signedOn: string;
  readonly startDate: string;
  readonly durationMonths: number;
  readonly endDate: string;
  readonly beneficiaryCommitments: string[];
  readonly serviceCommitments: string[];
  readonly outcome: CerOutcome | null;
  readonly outcomeOn: string | null;
}

export interface EventView {
  readonly id: string;
  readonly kind: EventKind;
  readonly occurredOn: string;
  readonly note: string | null;
  readonly collective: boolean;
  readonly aid: { kind: AidKind; amount: number | null; decision: AidDecision } | null;
  readonly authorId: string;
}

export interface ConsentView {
  readonly purpose: ConsentPurpose;
  readonly grantedAt: Date;
  readonly recordedBy: string;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

export interface ProposalView {
  readonly offerId: string;
  readonly title: string;
  readonly employerName: string | null;
  readonly communeName: string;
  readonly offerStatus: string;
  readonly score: number | null;
  readonly proposedBy: string;
  readonly proposedAt: Date;
}

export interface BeneficiaryFile extends BeneficiarySummary {
  readonly birthDate: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly communeInsee: string | null;
  /** The département of the home commune (the indicators' territory). */
  readonly homeDepartement: string | null;
  readonly reorientedTo: string | null;
  readonly cvPlatform: string | null;
  /** The referent coach's name (null: nobody yet). */
  readonly referentName: string | null;
  /** Who followed the person, oldest first: each referent, who gave them the person and, above the cap, why. */
  readonly referents: Array<{
    coachUserId: string;
    coachName: string | null;
    startedAt: Date;
    endedAt: Date | null;
    capOverride: boolean;
    assignedByUserId: string;
    assignedByName: string | null;
    reason: string | null;
  }>;
  readonly diagnostic: (Diagnostic & { updatedAt: Date }) | null;
  /** French labels of the ROME and skill codes the diagnostic names, for readers (code → label). */
  readonly labels: Record<string, string>;
  readonly barriers: BarrierView[];
  readonly cers: CerView[];
  readonly events: EventView[];
  readonly proposals: ProposalView[];
  readonly consents: ConsentView[];
}

export interface DiagnosticRow {
  experiences: Diagnostic['experiences'];
  skills: Diagnostic['skills'];
  desired_occupations: string[];
  driving_licence: boolean;
  vehicle: boolean;
  max_distance_km: number;
  contract_types: Diagnostic['contractTypes'];
  working_time: Diagnostic['workingTime'];
  constraints: Diagnostic['constraints'];
  availability_date: string | null;
  digital_autonomy: Diagnostic['digitalAutonomy'];
  languages: Diagnostic['languages'];
  updated_at: Date;
}

export function toDiagnostic(row: DiagnosticRow): Diagnostic & { updatedAt: Date } {
  return {
    experiences: row.experiences,
    skills: row.skills,
    desiredOccupations: row.desired_occupations,
    drivingLicence: row.driving_licence,
    vehicle: row.vehicle,
    maxDistanceKm: row.max_distance_km,
    contractTypes: row.contract_types,
    workingTime: row.working_time,
    constraints: row.constraints,
    availabilityDate: row.availability_date,
    digitalAutonomy: row.digital_autonomy,
    languages: row.languages,
    updatedAt: row.updated_at,
  };
}

/** Reads of a person's parts, shared by the file view and the export. */
@Injectable()
export class CoachingRecords {
  constructor(private readonly referential: ReferentialIndex) {}

  /** Labels of the occupations and skills a diagnostic names (codes the referential no longer has are left out). */
  async labels(diagnostic: Diagnostic | null): Promise<Record<string, string>> {
    if (!diagnostic) return {};
    await this.referential.load();
    const labels: Record<string, string> = {};
    const occupations = [
      ...diagnostic.desiredOccupations,
      ...diagnostic.experiences.flatMap((experience) => (experience.romeCode ? [experience.romeCode] : [])),
    ];
    for (const code of occupations) {
      const label = this.referential.occupation(code)?.label;
      if (label) labels[code] = label;
    }
    for (const { code } of diagnostic.skills) {
      const label = this.referential.skill(code)?.label;
      if (label) labels[code] = label;
    }
    return labels;
  }

  async diagnostic(manager: EntityManager, id: string): Promise<(Diagnostic & { updatedAt: Date }) | null> {
    const rows: DiagnosticRow[] = await manager.query('SELECT * FROM diagnostic WHERE beneficiary_id = $1', [id]);
    return rows.length > 0 ? toDiagnostic(rows[0]) : null;
  }

  async barriers(manager: EntityManager, id: string, withHealth: boolean): Promise<BarrierView[]> {
    const rows: Array<{
      id: string;
      kind: BarrierKind;
      status: BarrierStatus;
      description: string | null;
      actions: string | null;
      note: string | null;
      created_at: Date;
      resolved_at: Date | null;
    }> = await manager.query(
      `SELECT r.*, ${withHealth ? 'h.note' : 'NULL AS note'} FROM barrier r
       LEFT JOIN health_note h ON h.barrier_id = r.id
       WHERE r.beneficiary_id = $1 ORDER BY r.created_at, r.id`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      description: row.description,
      actions: row.actions,
      ...(row.kind === 'health' ? { healthNote: row.note } : {}),
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
    }));
  }

  async cers(manager: EntityManager, id: string): Promise<CerView[]> {
    const rows: Array<{
      id: string;
      signed_on: string;
      start_date: string;
      duration_months: number;
      end_date: string;
      beneficiary_commitments: string[];
      service_commitments: string[];
      outcome: CerOutcome | null;
      outcome_on: string | null;
    }> = await manager.query('SELECT * FROM cer WHERE beneficiary_id = $1 ORDER BY start_date, created_at', [id]);
    return rows.map((row) => ({
      id: row.id,
      signedOn: row.signed_on,
      startDate: row.start_date,
      durationMonths: row.duration_months,
      endDate: row.end_date,
      beneficiaryCommitments: row.beneficiary_commitments,
      serviceCommitments: row.service_commitments,
      outcome: row.outcome,
      outcomeOn: row.outcome_on,
    }));
  }

  async events(manager: EntityManager, id: string): Promise<EventView[]> {
    const rows: Array<{
      id: string;
      kind: EventKind;
      occurred_on: string;
      note: string | null;
      collective: boolean;
      aid_kind: AidKind | null;
      aid_amount: string | null;
      aid_decision: AidDecision | null;
      author_id: string;
    }> = await manager.query(
      `SELECT * FROM coaching_event WHERE beneficiary_id = $1 AND deleted_at IS NULL
       ORDER BY occurred_on DESC, created_at DESC`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      occurredOn: row.occurred_on,
      note: row.note,
      collective: row.collective,
      aid: row.aid_kind
        ? {
            kind: row.aid_kind,
            amount: row.aid_amount === null ? null : Number(row.aid_amount),
            decision: row.aid_decision ?? 'pending',
          }
        : null,
      authorId: row.author_id,
    }));
  }

  async proposals(manager: EntityManager, id: string): Promise<ProposalView[]> {
    const rows: Array<{
      offer_id: string;
      title: string;
      employer_name: string | null;
      commune_name: string;
      status: string;
      score: number | null;
      proposed_by: string;
      proposed_at: Date;
    }> = await manager.query(
      `SELECT p.offer_id, o.title, o.employer_name, COALESCE(o.commune_name, o.place_label) AS commune_name, o.status, p.score, p.proposed_by, p.proposed_at
       FROM offer_proposal p JOIN offer o ON o.id = p.offer_id
       WHERE p.beneficiary_id = $1 ORDER BY p.proposed_at DESC`,
      [id],
    );
    return rows.map((row) => ({
      offerId: row.offer_id,
      title: row.title,
      employerName: row.employer_name,
      communeName: row.commune_name,
      offerStatus: row.status,
      score: row.score,
      proposedBy: row.proposed_by,
      proposedAt: row.proposed_at,
    }));
  }

  async consents(manager: EntityManager, id: string): Promise<ConsentView[]> {
    const rows: Array<{
      purpose: ConsentPurpose;
      granted_at: Date;
      recorded_by: string;
      revoked_at: Date | null;
      revoked_by: string | null;
    }> = await manager.query('SELECT * FROM consent WHERE beneficiary_id = $1 ORDER BY granted_at', [id]);
    return rows.map((row) => ({
      purpose: row.purpose,
      grantedAt: row.granted_at,
      recordedBy: row.recorded_by,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
    }));
  }

  async referents(manager: EntityManager, id: string): Promise<BeneficiaryFile['referents']> {
    const rows: Array<{
      coach_user_id: string;
      coach_name: string | null;
      started_at: Date;
      ended_at: Date | null;
      cap_override: boolean;
      assigned_by: string;
      assigned_by_name: string | null;
      reason: string | null;
    }> = await manager.query(
      `SELECT a.*, c.display_name AS coach_name, m.display_name AS assigned_by_name
       FROM beneficiary_assignment a
       LEFT JOIN app_user c ON c.id = a.coach_user_id
       LEFT JOIN app_user m ON m.id = a.assigned_by
       WHERE a.beneficiary_id = $1 ORDER BY a.started_at, a.id`,
      [id],
    );
    return rows.map((row) => ({
      coachUserId: row.coach_user_id,
      coachName: row.coach_name,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      capOverride: row.cap_override,
      assignedByUserId: row.assigned_by,
      assignedByName: row.assigned_by_name,
      reason: row.reason,
    }));
  }

  async referentName(manager: EntityManager, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const rows: Array<{ display_name: string }> = await manager.query(
      'SELECT display_name FROM app_user WHERE id = $1',
      [userId],
    );
    return rows.at(0)?.display_name ?? null;
  }

  async file(manager: EntityManager, row: BeneficiaryRow, withHealth: boolean): Promise<BeneficiaryFile> {
    const diagnostic = await this.diagnostic(manager, row.id);
    return {
      ...toSummary(row),
      birthDate: row.birth_date,
      email: row.email,
      phone: row.phone,
      address: row.address,
      communeInsee: row.commune_insee,
      homeDepartement: row.home_departement,
      reorientedTo: row.reoriented_to,
      cvPlatform: row.cv_platform,
      referentName: await this.referentName(manager, row.referent_user_id),
      referents: await this.referents(manager, row.id),
      diagnostic,
      labels: await this.labels(diagnostic),
      barriers: await this.barriers(manager, row.id, withHealth),
      cers: await this.cers(manager, row.id),
      events: await this.events(manager, row.id),
      proposals: await this.proposals(manager, row.id),
      consents: await this.consents(manager, row.id),
    };
  }
}

/** The person's whole file, as the coach (or a manager, without health notes) opens it. Audited. */
@Injectable()
export class ReadBeneficiaryFile {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, id: string): Promise<BeneficiaryFile> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, { action: 'read' });
    return this.records.file(this.dataSource.manager, row, BeneficiaryAccess.isReferent(actor, row));
  }

  /**
   * What a candidate card is built from, and nothing else of the file (no barriers, CER, journal,
   * contact details or status): the first name and the diagnostic. For a staff member the mediation
   * context lets in through an introduction they follow (a mediator records the person's
   * acceptance): the caller has checked that, this records the read in the audit log.
   */
  async cardSource(
    actor: Actor,
    id: string,
    details: Record<string, unknown>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ firstName: string | null; diagnostic: Diagnostic | null }> {
    const rows: Array<{ id: string; structure_id: string; first_name: string | null }> = await manager.query(
      'SELECT id, structure_id, first_name FROM beneficiary WHERE id = $1 AND erased_at IS NULL',
      [id],
    );
    const row = rows.at(0);
    if (!row) throw new DomainError('not_found', 'beneficiary.not_found', 'no beneficiary with this id');
    await this.audit.record(
      actor,
      'read',
      [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
      { part: 'card', ...details },
      manager,
    );
    return { firstName: row.first_name, diagnostic: await this.records.diagnostic(manager, row.id) };
  }
}

export interface BarrierInput {
  readonly kind: BarrierKind;
  readonly status: BarrierStatus;
  readonly description?: string | null;
  readonly actions?: string | null;
  /** Health barriers: the details, kept apart and readable by the referent coach only. */
  readonly healthNote?: string | null;
}

/** Diagnostic and barriers: written by the referent coach. */
@Injectable()
export class ManageDiagnostic {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
    private readonly referential: ReferentialIndex,
  ) {}

  async save(actor: Actor, id: string, diagnostic: Diagnostic): Promise<Diagnostic & { updatedAt: Date }> {
    await this.referential.load();
    const problems = diagnosticProblems(diagnostic, {
      isOccupation: (code) => this.referential.isKnownRomeCode(code),
      isSkill: (code) => this.referential.skill(code) !== null,
    });
    if (problems.length > 0)
      throw new DomainError(
        'bad_request',
        'diagnostic.invalid',
        'the diagnostic refers to unknown or inconsistent data',
        problems,
      );
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'diagnostic', manager);
      await manager.query(
        `INSERT INTO diagnostic (beneficiary_id, experiences, skills, desired_occupations, driving_licence, vehicle,
           max_distance_km, contract_types, working_time, constraints, availability_date, digital_autonomy, languages,
           updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (beneficiary_id) DO UPDATE SET experiences = $2, skills = $3, desired_occupations = $4,
           driving_licence = $5, vehicle = $6, max_distance_km = $7, contract_types = $8, working_time = $9,
           constraints = $10, availability_date = $11, digital_autonomy = $12, languages = $13, updated_by = $14,
           updated_at = now()`,
        [
          id,
          JSON.stringify(diagnostic.experiences),
          JSON.stringify(diagnostic.skills),
          diagnostic.desiredOccupations,
          diagnostic.drivingLicence,
          diagnostic.vehicle,
          diagnostic.maxDistanceKm,
          diagnostic.contractTypes,
          diagnostic.workingTime,
          diagnostic.constraints,
          diagnostic.availabilityDate,
          diagnostic.digitalAutonomy,
          JSON.stringify(diagnostic.languages),
          actor.userId,
        ],
      );
      return (await this.records.diagnostic(manager, id))!;
    });
  }

  async addBarrier(actor: Actor, id: string, input: BarrierInput): Promise<BarrierView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'barrier', manager);
      this.checkBarrier(input.kind, input);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO barrier (beneficiary_id, kind, status, description, actions, resolved_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'resolved' THEN now() END) RETURNING id`,
        [
          id,
          input.kind,
          input.status,
          input.kind === 'health' ? null : (input.description ?? null),
          input.actions ?? null,
        ],
      );
      if (input.kind === 'health' && input.healthNote)
        await manager.query(
          'INSERT INTO health_note (barrier_id, beneficiary_id, note, written_by) VALUES ($1, $2, $3, $4)',
          [inserted[0].id, id, input.healthNote, actor.userId],
        );
      return this.barrier(manager, row, actor, inserted[0].id);
    });
  }

  async updateBarrier(
    actor: Actor,
    id: string,
    barrierId: string,
    changes: Partial<BarrierInput>,
  ): Promise<BarrierView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'barrier', manager);
      const existing: Array<{ kind: BarrierKind }> = await manager.query(
        'SELECT kind FROM barrier WHERE id = $1 AND beneficiary_id = $2',
        [barrierId, id],
      );
      if (existing.length === 0)
        throw new DomainError('not_found', 'barrier.not_found', 'no such barrier on this file');
      const kind = existing[0].kind;
      this.checkBarrier(kind, changes);
      await manager.query(
        `UPDATE barrier SET status = coalesce($3, status),
           description = CASE WHEN $4::boolean THEN $5 ELSE description END,
           actions = CASE WHEN $6::boolean THEN $7 ELSE actions END,
           resolved_at = CASE WHEN $3 = 'resolved' AND status <> 'resolved' THEN now()
                              WHEN $3 IS NOT NULL AND $3 <> 'resolved' THEN NULL ELSE resolved_at END,
           updated_at = now()
         WHERE id = $1 AND beneficiary_id = $2`,
        [
          barrierId,
          id,
          changes.status ?? null,
          changes.description !== undefined,
          changes.description ?? null,
          changes.actions !== undefined,
          changes.actions ?? null,
        ],
      );
      if (kind === 'health' && changes.healthNote !== undefined) {
        if (changes.healthNote === null)
          await manager.query('DELETE FROM health_note WHERE barrier_id = $1', [barrierId]);
        else
          await manager.query(
            `INSERT INTO health_note (barrier_id, beneficiary_id, note, written_by) VALUES ($1, $2, $3, $4)
             ON CONFLICT (barrier_id) DO UPDATE SET note = $3, written_by = $4, updated_at = now()`,
            [barrierId, id, changes.healthNote, actor.userId],
          );
      }
      return this.barrier(manager, row, actor, barrierId);
    });
  }

  private checkBarrier(kind: BarrierKind, input: Partial<BarrierInput>): void {
    if (kind === 'health' && input.description)
      throw new DomainError('bad_request', 'barrier.health_apart', 'health details go in healthNote, kept apart', [
        { field: 'description', reason: 'not for health barriers: use healthNote' },
      ]);
    if (kind !== 'health' && input.healthNote)
      throw new DomainError('bad_request', 'barrier.not_health', 'healthNote is for health barriers only', [
        { field: 'healthNote', reason: 'only for kind health' },
      ]);
  }

  private async barrier(
    manager: EntityManager,
    row: BeneficiaryRow,
    actor: Actor,
    barrierId: string,
  ): Promise<BarrierView> {
    const all = await this.records.barriers(manager, row.id, BeneficiaryAccess.isReferent(actor, row));
    return all.find((barrier) => barrier.id === barrierId)!;
  }
}

export interface NewCer {
  readonly signedOn: string;
  readonly startDate: string;
  readonly durationMonths?: number;
  readonly beneficiaryCommitments: readonly string[];
  readonly serviceCommitments: readonly string[];
}

export interface CerOutcomeInput {
  readonly outcome: CerOutcome;
  readonly on: string;
  readonly exitReason?: ExitReason;
  readonly reorientedTo?: string;
  /** A renewal opens the next CER from the end of this one. */
  readonly renewal?: Omit<NewCer, 'signedOn' | 'startDate'> & { readonly signedOn?: string };
}

/** The CER (contrat d'engagements réciproques): signed, running, then renewed, ended or reoriented. */
@Injectable()
export class ManageCer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
  ) {}

  async sign(actor: Actor, id: string, input: NewCer): Promise<CerView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'cer', manager);
      const problems: ErrorDetail[] = [];
      if (row.status !== 'oriented' && row.status !== 'in_coaching')
        problems.push({ field: 'status', reason: `the coaching is ${row.status}` });
      if (input.startDate < input.signedOn)
        problems.push({ field: 'startDate', reason: 'must not be before signedOn' });
      if (input.signedOn < row.orientation_date)
        problems.push({ field: 'signedOn', reason: 'before the orientation date' });
      if (input.signedOn > parisToday()) problems.push({ field: 'signedOn', reason: 'must not be in the future' });
      if (problems.length > 0) throw new DomainError('bad_request', 'cer.invalid', 'dates out of order', problems);
      const open: Array<{ id: string }> = await manager.query(
        'SELECT id FROM cer WHERE beneficiary_id = $1 AND outcome IS NULL',
        [id],
      );
      if (open.length > 0)
        throw new DomainError('conflict', 'cer.already_open', 'a CER is already running: record its outcome first', [
          { field: 'cer', reason: `CER ${open[0].id} is open` },
        ]);
      const cer = await this.insert(manager, actor, id, input);
      await manager.query(`UPDATE beneficiary SET status = 'in_coaching', updated_at = now() WHERE id = $1`, [id]);
      return cer;
    });
  }

  async recordOutcome(actor: Actor, id: string, cerId: string, input: CerOutcomeInput): Promise<CerView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.open(actor, 'beneficiaries.write', id, { action: 'update', details: { part: 'cer' } }, manager);
      const rows: Array<{ start_date: string; end_date: string; outcome: string | null }> = await manager.query(
        "SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, outcome FROM cer WHERE id = $1 AND beneficiary_id = $2 FOR UPDATE",
        [cerId, id],
      );
      const cer = rows.at(0);
      if (!cer) throw new DomainError('not_found', 'cer.not_found', 'no such CER on this file');
      const problems: ErrorDetail[] = [];
      if (cer.outcome !== null) problems.push({ field: 'outcome', reason: `already recorded: ${cer.outcome}` });
      if (input.on < cer.start_date) problems.push({ field: 'on', reason: 'before the CER start' });
      if (input.on > parisToday()) problems.push({ field: 'on', reason: 'must not be in the future' });
      if (input.outcome === 'reoriented' && !input.reorientedTo)
        problems.push({ field: 'reorientedTo', reason: 'required for a reorientation' });
      if (input.outcome === 'renewed' && !input.renewal)
        problems.push({ field: 'renewal', reason: 'required for a renewal (commitments of the next CER)' });
      if (input.outcome !== 'exit_other' && input.exitReason)
        problems.push({ field: 'exitReason', reason: 'only for exit_other (the outcome says it otherwise)' });
      if (problems.length > 0)
        throw new DomainError('invalid', 'cer.invalid_outcome', 'this outcome cannot be recorded', problems);
      await manager.query('UPDATE cer SET outcome = $2, outcome_on = $3 WHERE id = $1', [
        cerId,
        input.outcome,
        input.on,
      ]);
      const next = statusAfterOutcome(input.outcome);
      if (input.outcome === 'renewed') {
        const start = cer.end_date > input.on ? cer.end_date : input.on;
        await this.insert(manager, actor, id, {
          ...input.renewal!,
          signedOn: input.renewal!.signedOn ?? input.on,
          startDate: start,
        });
      } else {
        await manager.query(
          `UPDATE beneficiary SET status = $2, exit_reason = $3, reoriented_to = $4, ended_on = $5, updated_at = now()
           WHERE id = $1`,
          [
            id,
            next.status,
            next.status === 'ended' ? (input.exitReason ?? next.exitReason) : null,
            input.reorientedTo ?? null,
            input.on,
          ],
        );
      }
      return this.records.cers(manager, id);
    });
  }

  private async insert(manager: EntityManager, actor: Actor, id: string, input: NewCer): Promise<CerView> {
    const duration = input.durationMonths ?? (await this.settings.number('coaching.cer_default_months', manager));
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO cer (beneficiary_id, signed_on, start_date, duration_months, end_date, beneficiary_commitments,
         service_commitments, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        id,
        input.signedOn,
        input.startDate,
        duration,
        addMonths(input.startDate, duration),
        input.beneficiaryCommitments,
        input.serviceCommitments,
        actor.userId,
      ],
    );
    return (await this.records.cers(manager, id)).find((cer) => cer.id === inserted[0].id)!;
  }
}

export interface NewEvent {
  readonly kind: EventKind;
  readonly occurredOn: string;
  readonly note?: string | null;
  readonly collective?: boolean;
  readonly aid?: { readonly kind: AidKind; readonly amount?: number | null; readonly decision?: AidDecision };
}

/** The journal of contacts and actions. */
@Injectable()
export class RecordCoachingEvent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
  ) {}

  async execute(actor: Actor, id: string, input: NewEvent): Promise<EventView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'event', manager);
      const problems: ErrorDetail[] = [];
      if (input.occurredOn > parisToday()) problems.push({ field: 'occurredOn', reason: 'must not be in the future' });
      if (input.occurredOn < row.orientation_date)
        problems.push({ field: 'occurredOn', reason: 'before the orientation date' });
      if ((input.kind === 'aid_request') !== (input.aid !== undefined))
        problems.push({
          field: 'aid',
          reason: input.aid ? 'only for kind aid_request' : 'required for an aid request',
        });
      if (input.collective && input.kind !== 'workshop')
        problems.push({ field: 'collective', reason: 'workshops only' });
      if (problems.length > 0)
        throw new DomainError('bad_request', 'event.invalid', 'this journal entry is inconsistent', problems);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO coaching_event (beneficiary_id, kind, occurred_on, note, collective, aid_kind, aid_amount, aid_decision, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          id,
          input.kind,
          input.occurredOn,
          input.note ?? null,
          input.collective ?? false,
          input.aid?.kind ?? null,
          input.aid?.amount ?? null,
          input.aid ? (input.aid.decision ?? 'pending') : null,
          actor.userId,
        ],
      );
      return (await this.records.events(manager, id)).find((event) => event.id === inserted[0].id)!;
    });
  }

  /**
   * Deletes a journal entry: its author or the referent coach only. The row stays, marked deleted (who, when) and
   * audited; a decided aid request stays (its decision is a fact the indicators count).
   */
  async delete(actor: Actor, id: string, eventId: string): Promise<{ id: string; deletedAt: Date }> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'event', manager, { deletedEventId: eventId });
      const rows: Array<{ author_id: string; kind: EventKind; aid_decision: AidDecision | null }> = await manager.query(
        `SELECT author_id, kind, aid_decision FROM coaching_event
         WHERE id = $1 AND beneficiary_id = $2 AND deleted_at IS NULL FOR UPDATE`,
        [eventId, id],
      );
      const event = rows.at(0);
      if (!event) throw new DomainError('not_found', 'event.not_found', 'no such journal entry on this file');
      if (event.author_id !== actor.userId && !BeneficiaryAccess.isReferent(actor, row))
        throw new DomainError(
          'forbidden',
          'event.delete_forbidden',
          'only its author or the referent coach deletes an entry',
        );
      if (event.kind === 'aid_request' && event.aid_decision !== null && event.aid_decision !== 'pending')
        throw new DomainError('conflict', 'event.aid_decided', 'a decided aid request stays in the journal', [
          { field: 'eventId', reason: 'aid already decided' },
        ]);
      const updated: Array<{ deleted_at: Date }> = await updateReturning(
        manager,
        `UPDATE coaching_event SET deleted_at = now(), deleted_by = $3 WHERE id = $1 AND beneficiary_id = $2
         RETURNING deleted_at`,
        [eventId, id, actor.userId],
      );
      return { id: eventId, deletedAt: updated[0].deleted_at };
    });
  }

  /** The decision on an aid request (granted with its amount, refused). */
  async decideAid(
    actor: Actor,
    id: string,
    eventId: string,
    input: { decision: AidDecision; amount?: number | null },
  ): Promise<EventView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.open(actor, 'beneficiaries.write', id, { action: 'update', details: { part: 'aid' } }, manager);
      const updated: Array<{ id: string }> = await updateReturning(
        manager,
        `UPDATE coaching_event SET aid_decision = $3, aid_amount = coalesce($4, aid_amount)
         WHERE id = $1 AND beneficiary_id = $2 AND kind = 'aid_request' AND deleted_at IS NULL RETURNING id`,
        [eventId, id, input.decision, input.amount ?? null],
      );
      if (updated.length === 0)
        throw new DomainError('not_found', 'event.not_found', 'no such aid request on this file');
      return (await this.records.events(manager, id)).find((event) => event.id === eventId)!;
    });
  }
}

/**
 * Consents, recorded before a profile leaves the service. Nothing caches them: every check reads
 * the table, so a revocation takes effect at once everywhere.
 */
@Injectable()
export class ManageConsents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
    private readonly photos: PhotoStore,
  ) {}

  async grant(actor: Actor, id: string, purpose: ConsentPurpose): Promise<ConsentView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'consent', manager, { consent: purpose, granted: true });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO consent (beneficiary_id, purpose, recorded_by) VALUES ($1, $2, $3)
         ON CONFLICT (beneficiary_id, purpose) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
        [id, purpose, actor.userId],
      );
      if (inserted.length === 0)
        throw new DomainError('conflict', 'consent.already_granted', 'this consent is already recorded', [
          { field: 'purpose', reason: 'already granted' },
        ]);
      return this.records.consents(manager, id);
    });
  }

  /** Revoking the photo consent deletes the photo: the person no longer wants it used. */
  async revoke(actor: Actor, id: string, purpose: ConsentPurpose): Promise<ConsentView[]> {
    const removed: string[] = [];
    const consents = await this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'consent', manager, { consent: purpose, granted: false });
      const updated: unknown[] = await updateReturning(
        manager,
        `UPDATE consent SET revoked_at = now(), revoked_by = $3
         WHERE beneficiary_id = $1 AND purpose = $2 AND revoked_at IS NULL RETURNING id`,
        [id, purpose, actor.userId],
      );
      if (updated.length === 0)
        throw new DomainError('not_found', 'consent.not_found', 'no current consent for this purpose');
      if (purpose === 'photo') removed.push(...(await this.photos.forget(manager, id)));
      return this.records.consents(manager, id);
    });
    await this.photos.remove(removed);
    return consents;
  }

  /** Is the consent in force now? (Mediation asks before a card leaves the service.) */
  async isGranted(
    beneficiaryId: string,
    purpose: ConsentPurpose,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM consent c JOIN beneficiary b ON b.id = c.beneficiary_id
       WHERE c.beneficiary_id = $1 AND c.purpose = $2 AND c.revoked_at IS NULL AND b.erased_at IS NULL`,
      [beneficiaryId, purpose],
    );
    return rows.length > 0;
  }
}
