import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, RuntimeSettings, type ErrorDetail, updateReturning } from '@passerelle/core';
import { type Actor, AuditLog, scopeFor, StructureTree } from '@passerelle/identity';
import { type CommuneQuery, ReferentialIndex } from '@passerelle/referential';
import {
  CONTACT_KINDS,
  daysBetween,
  type CoachingStatus,
  type ExitReason,
  parisToday,
  type PortfolioAlert,
  portfolioAlerts,
  stageLabel,
} from '../domain/coaching.js';
import { BeneficiaryAccess, type BeneficiaryRow, NOT_FOUND } from '../infrastructure/beneficiary-access.js';

export interface BeneficiaryIdentity {
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly commune: CommuneQuery;
}

export interface NewBeneficiary extends BeneficiaryIdentity {
  readonly orientationDate: string;
  /** Managers: the structure (default theirs) and the referent coach (optional: may come later). */
  readonly structureId?: string;
  readonly referentUserId?: string;
  readonly capOverride?: boolean;
  /** Why the cap is overridden (required when the coach's portfolio is full). */
  readonly reason?: string;
}

export interface BeneficiaryChanges extends Partial<Omit<BeneficiaryIdentity, 'commune'>> {
  readonly commune?: CommuneQuery;
  readonly cvPlatform?: string | null;
  readonly cvDepositedOn?: string | null;
}

export interface BeneficiarySummary {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly communeName: string | null;
  readonly postalCode: string | null;
  readonly structureId: string;
  readonly referentUserId: string | null;
  readonly status: CoachingStatus;
  readonly exitReason: ExitReason | null;
  readonly orientationDate: string;
  readonly endedOn: string | null;
  readonly cvDepositedOn: string | null;
}

export function toSummary(row: BeneficiaryRow): BeneficiarySummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    communeName: row.commune_name,
    postalCode: row.postal_code,
    structureId: row.structure_id,
    referentUserId: row.referent_user_id,
    status: row.status,
    exitReason: row.exit_reason,
    orientationDate: row.orientation_date,
    endedOn: row.ended_on,
    cvDepositedOn: row.cv_deposited_on,
  };
}

const ACTIVE: readonly CoachingStatus[] = ['oriented', 'in_coaching'];

/** Registration, identity changes, referent assignment (with the portfolio cap) and closure. */
@Injectable()
export class ManageBeneficiaries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: BeneficiaryAccess,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
    private readonly referential: ReferentialIndex,
  ) {}

  /**
   * A coach registers a person into their own portfolio; a manager registers them in one of their
   * structures, with or without a referent yet.
   */
  async register(actor: Actor, input: NewBeneficiary): Promise<BeneficiarySummary> {
    const asManager = scopeFor(actor.roles, 'beneficiaries.assign') !== null;
    if (!asManager && scopeFor(actor.roles, 'beneficiaries.write') === null)
      throw new DomainError('forbidden', 'auth.forbidden', 'not allowed: beneficiaries.write');
    if (!asManager && (input.structureId || input.referentUserId || input.capOverride))
      throw new DomainError('forbidden', 'beneficiary.assign_forbidden', 'only a manager assigns people to others', [
        {
          field: input.structureId ? 'structureId' : input.referentUserId ? 'referentUserId' : 'capOverride',
          reason: 'managers only',
        },
      ]);
    const commune = await this.commune(input.commune);
    this.checkDates(input.birthDate ?? null, input.orientationDate);
    const structureId = asManager ? (input.structureId ?? actor.structureId) : actor.structureId;
    // A coach registers into their own portfolio, in their own structure.
    const reachable = asManager ? (await this.tree.reach(actor, 'beneficiaries.assign')).structureIds : [structureId];
    if (asManager) {
      if (reachable && !reachable.includes(structureId))
        throw new DomainError('invalid', 'beneficiary.unknown_structure', 'no such structure among yours', [
          { field: 'structureId', reason: 'not one of your structures' },
        ]);
    }
    const referent = asManager ? (input.referentUserId ?? null) : actor.userId;
    return this.dataSource.transaction(async (manager) => {
      const rows: BeneficiaryRow[] = await manager.query(
        `INSERT INTO beneficiary (structure_id, first_name, last_name, birth_date, email, phone, address,
           commune_insee, commune_name, postal_code, orientation_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'oriented') RETURNING *`,
        [
          structureId,
          input.firstName.trim(),
          input.lastName.trim(),
          input.birthDate ?? null,
          input.email?.trim().toLowerCase() ?? null,
          input.phone?.trim() ?? null,
          input.address?.trim() ?? null,
          commune.inseeCode,
          commune.name,
          commune.postalCode,
          input.orientationDate,
        ],
      );
      let row = rows[0];
      await this.audit.record(actor, 'create', [{ type: 'beneficiary', id: row.id, structureId }], {}, manager);
      if (referent)
        row = await this.assignWithin(
          manager,
          actor,
          reachable,
          row,
          referent,
          input.capOverride ?? false,
          input.reason ?? null,
        );
      return toSummary(row);
    });
  }

  async update(actor: Actor, id: string, changes: BeneficiaryChanges): Promise<BeneficiarySummary> {
    const commune = changes.commune ? await this.commune(changes.commune) : null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(actor, 'beneficiaries.write', id, { action: 'update' }, manager);
      const birthDate = changes.birthDate === undefined ? row.birth_date : changes.birthDate;
      this.checkDates(birthDate, row.orientation_date);
      if (changes.cvDepositedOn && changes.cvDepositedOn > parisToday())
        throw new DomainError('bad_request', 'beneficiary.invalid', 'the CV deposit date is in the future', [
          { field: 'cvDepositedOn', reason: 'must not be in the future' },
        ]);
      const set = (value: string | null | undefined, current: string | null): string | null =>
        value === undefined ? current : value === null ? null : value.trim();
      const cvPlatform = set(changes.cvPlatform, row.cv_platform);
      const cvDepositedOn = changes.cvDepositedOn === undefined ? row.cv_deposited_on : changes.cvDepositedOn;
      if ((cvPlatform === null) !== (cvDepositedOn === null))
        throw new DomainError('bad_request', 'beneficiary.invalid', 'a CV deposit needs its platform and its date', [
          { field: cvPlatform === null ? 'cvPlatform' : 'cvDepositedOn', reason: 'give both or neither' },
        ]);
      const updated: BeneficiaryRow[] = await updateReturning(
        manager,
        `UPDATE beneficiary SET first_name = $2, last_name = $3, birth_date = $4, email = $5, phone = $6, address = $7,
           commune_insee = $8, commune_name = $9, postal_code = $10, cv_platform = $11, cv_deposited_on = $12,
           updated_at = now()
         WHERE id = $1 RETURNING *`,
        [
          id,
          set(changes.firstName, row.first_name),
          set(changes.lastName, row.last_name),
          birthDate,
          changes.email === undefined ? row.email : (changes.email?.trim().toLowerCase() ?? null),
          set(changes.phone, row.phone),
          set(changes.address, row.address),
          commune?.inseeCode ?? row.commune_insee,
          commune?.name ?? row.commune_name,
          commune?.postalCode ?? row.postal_code,
          cvPlatform,
          cvDepositedOn,
        ],
      );
      return toSummary(updated[0]);
    });
  }

  /**
   * Gives the person to another coach (a manager's decision). Refused when that coach's portfolio
   * is full, unless the manager overrides; the history keeps every referent and the override.
   */
  async assign(
    actor: Actor,
    id: string,
    input: { coachUserId: string; capOverride?: boolean; reason?: string },
  ): Promise<BeneficiarySummary> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(actor, 'beneficiaries.assign', id, { action: 'update' }, manager);
      if (row.referent_user_id === input.coachUserId) return toSummary(row);
      return toSummary(
        await this.assignWithin(
          manager,
          actor,
          (await this.tree.reach(actor, 'beneficiaries.assign', manager)).structureIds,
          row,
          input.coachUserId,
          input.capOverride ?? false,
          input.reason ?? null,
        ),
      );
    });
  }

  /** Ends the coaching without a CER outcome (never signed, moved away, reoriented before...). */
  async close(
    actor: Actor,
    id: string,
    input: { status: 'ended' | 'reoriented'; on: string; exitReason?: ExitReason; reorientedTo?: string },
  ): Promise<BeneficiarySummary> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(actor, 'beneficiaries.write', id, { action: 'update' }, manager);
      const problems: ErrorDetail[] = [];
      if (!ACTIVE.includes(row.status))
        problems.push({ field: 'status', reason: `the coaching is already ${row.status}` });
      if (input.status === 'ended' && !input.exitReason)
        problems.push({ field: 'exitReason', reason: 'required to end' });
      if (input.status === 'reoriented' && !input.reorientedTo)
        problems.push({ field: 'reorientedTo', reason: 'required to reorient' });
      if (input.on < row.orientation_date) problems.push({ field: 'on', reason: 'before the orientation date' });
      if (input.on > parisToday()) problems.push({ field: 'on', reason: 'in the future' });
      if (problems.length > 0)
        throw new DomainError('invalid', 'beneficiary.cannot_close', 'the coaching cannot be closed so', problems);
      await manager.query(
        `UPDATE cer SET outcome = $2, outcome_on = $3 WHERE beneficiary_id = $1 AND outcome IS NULL`,
        [
          id,
          input.status === 'reoriented'
            ? 'reoriented'
            : input.exitReason === 'job'
              ? 'exit_job'
              : input.exitReason === 'training'
                ? 'exit_training'
                : 'exit_other',
          input.on,
        ],
      );
      const updated: BeneficiaryRow[] = await updateReturning(
        manager,
        `UPDATE beneficiary SET status = $2, exit_reason = $3, reoriented_to = $4, ended_on = $5, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [id, input.status, input.status === 'ended' ? input.exitReason : null, input.reorientedTo ?? null, input.on],
      );
      return toSummary(updated[0]);
    });
  }

  private async assignWithin(
    manager: EntityManager,
    actor: Actor,
    /** Where the coach may be (null: anywhere). */
    structureIds: readonly string[] | null,
    row: BeneficiaryRow,
    coachUserId: string,
    capOverride: boolean,
    reason: string | null,
  ): Promise<BeneficiaryRow> {
    // Locking the coach's row serialises assignments to one coach: two managers cannot both fill the last place.
    const coaches: Array<{ id: string; display_name: string; structure_id: string }> = await manager.query(
      `SELECT id, display_name, structure_id FROM app_user
       WHERE id = $1 AND status = 'active' AND 'coach' = ANY(roles) FOR UPDATE`,
      [coachUserId],
    );
    const coach = coaches.at(0);
    if (!coach || (structureIds && !structureIds.includes(coach.structure_id)))
      throw new DomainError('invalid', 'beneficiary.unknown_coach', 'no such coach among your structures', [
        {
          field: actor.userId === coachUserId ? 'referentUserId' : 'coachUserId',
          reason: 'not an active coach of your structures',
        },
      ]);
    const counted: Array<{ n: string }> = await manager.query(
      `SELECT count(*) AS n FROM beneficiary
       WHERE referent_user_id = $1 AND status = ANY($2) AND erased_at IS NULL AND id <> $3`,
      [coachUserId, ACTIVE, row.id],
    );
    const load = Number(counted[0].n);
    const cap = await this.settings.number('coaching.portfolio_cap', manager);
    if (load >= cap && !capOverride)
      throw new DomainError(
        'invalid',
        'beneficiary.portfolio_full',
        `${coach.display_name} already follows ${load} people (cap ${cap}); a manager may override`,
        [{ field: 'capOverride', reason: `portfolio full (${load}/${cap})` }],
      );
    // An override is a decision someone answers for: who (assigned_by), when (started_at) and why.
    const overriding = capOverride && load >= cap;
    const why = reason?.trim() || null;
    if (overriding && why === null)
      throw new DomainError('invalid', 'beneficiary.override_reason_required', 'say why the cap is overridden', [
        { field: 'reason', reason: `required to override the cap (${load}/${cap})` },
      ]);
    await manager.query(
      `UPDATE beneficiary_assignment SET ended_at = now() WHERE beneficiary_id = $1 AND ended_at IS NULL`,
      [row.id],
    );
    await manager.query(
      `INSERT INTO beneficiary_assignment (beneficiary_id, coach_user_id, assigned_by, cap_override, reason)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.id, coachUserId, actor.userId, overriding, why],
    );
    const updated: BeneficiaryRow[] = await updateReturning(
      manager,
      `UPDATE beneficiary SET referent_user_id = $2, updated_at = now() WHERE id = $1 RETURNING *`,
      [row.id, coachUserId],
    );
    await this.audit.record(
      actor,
      'update',
      [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
      {
        referent: { from: row.referent_user_id, to: coachUserId },
        capOverride: overriding,
        ...(overriding ? { load, cap } : {}),
      },
      manager,
    );
    return updated[0];
  }

  private async commune(query: CommuneQuery): Promise<{ inseeCode: string; name: string; postalCode: string }> {
    await this.referential.load();
    const commune = this.referential.resolveCommune(query);
    if (!commune)
      throw new DomainError('bad_request', 'beneficiary.unknown_commune', 'unknown commune', [
        { field: 'commune', reason: 'no commune matches this code or name' },
      ]);
    return commune;
  }

  private checkDates(birthDate: string | null, orientationDate: string): void {
    const problems: ErrorDetail[] = [];
    if (orientationDate > parisToday())
      problems.push({ field: 'orientationDate', reason: 'must not be in the future' });
    if (birthDate !== null && birthDate >= orientationDate)
      problems.push({ field: 'birthDate', reason: 'must be before the orientation date' });
    if (problems.length > 0)
      throw new DomainError('bad_request', 'beneficiary.invalid', 'dates out of order', problems);
  }
}

export interface PortfolioEntry extends BeneficiarySummary {
  /** The referent coach's name (null: nobody yet). */
  readonly referentName: string | null;
  readonly lastContactOn: string | null;
  readonly daysSinceLastContact: number | null;
  readonly cerEndDate: string | null;
  readonly stage: string;
  readonly openBarriers: number;
  readonly proposedOffers: number;
  readonly alerts: PortfolioAlert[];
}

export const PORTFOLIO_SORTS = ['name', 'last_contact', 'cer_end', 'alerts'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface PortfolioQuery {
  readonly coachUserId?: string;
  readonly status?: 'active' | 'all' | CoachingStatus;
  readonly alert?: PortfolioAlert;
  readonly sort?: PortfolioSort;
  readonly order?: 'asc' | 'desc';
}

interface PortfolioRow extends BeneficiaryRow {
  referent_name: string | null;
  last_contact_on: string | null;
  followed_since: string;
  cer_start: string | null;
  cer_end: string | null;
  open_barriers: number;
  proposed_offers: number;
}

/** The coach's portfolio at a glance (a manager: their structures'), with the alerts. */
@Injectable()
export class ReadPortfolio {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, query: PortfolioQuery, today: string = parisToday()): Promise<PortfolioEntry[]> {
    const condition = await this.access.scope(actor, 'beneficiaries.read', 3);
    const status = query.status ?? 'active';
    const statuses = status === 'all' ? null : status === 'active' ? ACTIVE : [status];
    const params: unknown[] = [[...CONTACT_KINDS], query.coachUserId ?? null, ...condition.params, statuses];
    const rows: PortfolioRow[] = await this.dataSource.query(
      `SELECT b.*, (SELECT u.display_name FROM app_user u WHERE u.id = b.referent_user_id) AS referent_name,
         (SELECT to_char(max(e.occurred_on), 'YYYY-MM-DD') FROM coaching_event e
           WHERE e.beneficiary_id = b.id AND e.kind = ANY($1) AND e.deleted_at IS NULL) AS last_contact_on,
         to_char(greatest(b.orientation_date, coalesce((SELECT a.started_at::date FROM beneficiary_assignment a
           WHERE a.beneficiary_id = b.id AND a.ended_at IS NULL), b.orientation_date)), 'YYYY-MM-DD') AS followed_since,
         to_char(c.start_date, 'YYYY-MM-DD') AS cer_start, to_char(c.end_date, 'YYYY-MM-DD') AS cer_end,
         (SELECT count(*)::int FROM barrier r WHERE r.beneficiary_id = b.id AND r.status <> 'resolved') AS open_barriers,
         (SELECT count(*)::int FROM offer_proposal p WHERE p.beneficiary_id = b.id) AS proposed_offers
       FROM beneficiary b
       LEFT JOIN cer c ON c.beneficiary_id = b.id AND c.outcome IS NULL
       WHERE b.erased_at IS NULL AND ($2::uuid IS NULL OR b.referent_user_id = $2) AND (${condition.sql})
         AND ($${params.length}::text[] IS NULL OR b.status = ANY($${params.length}))`,
      params,
    );
    const entries = rows.map((row): PortfolioEntry => {
      const openCer = row.cer_start && row.cer_end ? { start: row.cer_start, end: row.cer_end } : null;
      return {
        ...toSummary(row),
        referentName: row.referent_name,
        lastContactOn: row.last_contact_on,
        daysSinceLastContact: row.last_contact_on ? daysBetween(row.last_contact_on, today) : null,
        cerEndDate: row.cer_end,
        stage: stageLabel(row.status, openCer, today),
        openBarriers: row.open_barriers,
        proposedOffers: row.proposed_offers,
        alerts: portfolioAlerts(
          {
            status: row.status,
            lastContactOn: row.last_contact_on,
            followedSince: row.followed_since,
            openCerEndDate: row.cer_end,
          },
          today,
        ),
      };
    });
    const filtered = query.alert ? entries.filter((entry) => entry.alerts.includes(query.alert!)) : entries;
    filtered.sort(comparator(query.sort ?? 'alerts', query.order ?? 'asc'));
    await this.audit.record(
      actor,
      'list',
      filtered.map((entry) => ({ type: 'beneficiary', id: entry.id, structureId: entry.structureId })),
      { view: 'portfolio' },
    );
    return filtered;
  }
}

function comparator(sort: PortfolioSort, order: 'asc' | 'desc'): (a: PortfolioEntry, b: PortfolioEntry) => number {
  const sign = order === 'asc' ? 1 : -1;
  const byName = (a: PortfolioEntry, b: PortfolioEntry): number =>
    `${a.lastName ?? ''} ${a.firstName ?? ''}`.localeCompare(`${b.lastName ?? ''} ${b.firstName ?? ''}`, 'fr') ||
    a.id.localeCompare(b.id);
  // Unknown values (never contacted, no CER) sort as the most urgent.
  const key: Record<PortfolioSort, (entry: PortfolioEntry) => number> = {
    name: () => 0,
    last_contact: (entry) => -(entry.daysSinceLastContact ?? Number.MAX_SAFE_INTEGER),
    cer_end: (entry) => (entry.cerEndDate ? Date.parse(entry.cerEndDate) : Number.MAX_SAFE_INTEGER),
    alerts: (entry) => -entry.alerts.length,
  };
  return (a, b) => sign * (key[sort](a) - key[sort](b)) || byName(a, b);
}

export { NOT_FOUND };
