import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import {
  ACTIVE_STATUSES,
  type CoachingStatus,
  daysBetween,
  parisToday,
  type PortfolioAlert,
  portfolioAlerts,
  stageLabel,
} from '../domain/coaching.js';
import { type RhythmStatus, rhythmStatus } from '../domain/contact-rhythm.js';
import { type PortfolioSort, portfolioOrder } from '../domain/portfolio.js';
import { ContactRhythmStore } from './ports/contact-rhythm-store.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BeneficiarySummary, BeneficiaryStore, toSummary } from './ports/beneficiary-store.js';

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
  /** Where the person stands against their structure's contact rhythm (null: no rhythm, or not followed). */
  readonly rhythm: RhythmStatus | null;
}

export interface PortfolioQuery {
  readonly coachUserId?: string;
  readonly status?: 'active' | 'all' | CoachingStatus;
  readonly alert?: PortfolioAlert;
  readonly sort?: PortfolioSort;
  readonly order?: 'asc' | 'desc';
}

/**
 * The coach's portfolio at a glance (a manager: their structures'), with the alerts and where each
 * person stands against the contact rhythm. Audited.
 */
@Injectable()
export class ReadPortfolio {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly rhythms: ContactRhythmStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    query: PortfolioQuery,
    today: string = parisToday(this.clock.now()),
  ): Promise<PortfolioEntry[]> {
    const condition = await this.access.scope(actor, 'beneficiaries.read', 3);
    const status = query.status ?? 'active';
    const statuses = status === 'all' ? null : status === 'active' ? ACTIVE_STATUSES : [status];
    const rows = await this.beneficiaries.portfolio(
      this.dataSource.manager,
      condition,
      query.coachUserId ?? null,
      statuses,
    );
    const rhythmScope = await this.access.scope(actor, 'beneficiaries.read', 5);
    const rhythms = new Map(
      (await this.rhythms.facts(this.dataSource.manager, { scope: rhythmScope }, today)).map((fact) => [
        fact.beneficiaryId,
        rhythmStatus(fact.rhythm, fact.contactDates, fact.followedSince, today),
      ]),
    );
    const entries = rows.map((row): PortfolioEntry => {
      const rhythm = rhythms.get(row.id) ?? null;
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
        alerts: [
          ...portfolioAlerts(
            {
              status: row.status,
              lastContactOn: row.last_contact_on,
              followedSince: row.followed_since,
              openCerEndDate: row.cer_end,
            },
            today,
          ),
          ...(rhythm?.behind ? (['behind_rhythm'] as const) : []),
        ],
        rhythm,
      };
    });
    const filtered = query.alert ? entries.filter((entry) => entry.alerts.includes(query.alert!)) : entries;
    filtered.sort(portfolioOrder(query.sort ?? 'alerts', query.order ?? 'asc'));
    await this.audit.record(
      actor,
      'list',
      filtered.map((entry) => ({ type: 'beneficiary', id: entry.id, structureId: entry.structureId })),
      { view: 'portfolio' },
    );
    return filtered;
  }
}
