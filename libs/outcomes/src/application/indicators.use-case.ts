import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import { Clock, type CsvValue, frenchCsvDocument } from '@passerelle/core';
import { type Actor, identityError, StructureTree } from '@passerelle/identity';
import { INDICATORS, type IndicatorUnit, ratio } from '../domain/indicators.js';
import { type Milestone, MILESTONES } from '../domain/outcomes.js';
import { IndicatorStore, type OffersRow, type PeopleRow, type ResponseRow } from './ports/indicator-store.js';
import { outcomesError } from '../domain/outcomes-errors.js';

/**
 * How a report is split: by referent coach, by structure, or by territory — the person's home
 * commune, or its département (kept after anonymisation, when the commune is gone).
 */
export const INDICATOR_GROUPS = ['none', 'coach', 'structure', 'commune', 'departement'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** The fewest people a commune's figures are shown for; smaller communes are pooled. */
export const MIN_COMMUNE_GROUP = 5;
const SMALL_COMMUNES = '_small';

export interface IndicatorQuery {
  readonly from: string;
  readonly to: string;
  /** A structure of the actor's reach (with its children); default: all the actor reaches. */
  readonly structureId?: string;
  readonly coachId?: string;
  readonly groupBy?: IndicatorGroup;
}

export interface IndicatorValue {
  readonly key: string;
  readonly label: string;
  readonly unit: IndicatorUnit;
  readonly target: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  /** Rates against a target: met, not met, or null (no target or nothing to measure). */
  readonly targetMet: boolean | null;
  /** RSA exit: checkpoints due but not answered yet (in the denominator, not the numerator). */
  readonly unknown?: number;
}

export interface IndicatorsReport {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly structureId: string | null;
  readonly coachId: string | null;
  readonly groupBy: IndicatorGroup;
  readonly groups: Array<{
    readonly key: string | null;
    readonly label: string;
    readonly indicators: IndicatorValue[];
  }>;
}

const milestones = Object.entries(MILESTONES) as Array<[Milestone, number]>;

/** 2026-01-31 → 31/01/2026. */
const frenchDate = (date: string): string => date.split('-').reverse().join('/');

/**
 * The programme indicators, computed by SQL from the records on every call (no counters): per
 * structure (with its children), coach and period, optionally grouped by coach or structure.
 * Anonymised files keep the facts counted here (dates, exit reason, structure, referent).
 */
@Injectable()
export class ComputeIndicators {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly clock: Clock,
    private readonly indicators: IndicatorStore,
  ) {}

  async execute(actor: Actor, query: IndicatorQuery): Promise<IndicatorsReport> {
    if (query.from > query.to)
      throw outcomesError('indicators.period', 'the period ends before it starts', [
        { field: 'from', reason: `after ${query.to}` },
      ]);
    const { structureIds: reach } = await this.tree.reach(actor, 'indicators.read');
    let structures = reach;
    if (query.structureId) {
      if (reach !== null && !reach.includes(query.structureId))
        throw identityError('structure.not_found', 'no such structure within your reach');
      structures = await this.tree.subtree(query.structureId);
    }
    const groupBy = query.groupBy ?? 'none';
    const asOf = parisToday(this.clock.now());
    const { people, responses, offers } = await this.indicators.facts(this.dataSource.manager, {
      structures,
      coachId: query.coachId ?? null,
      from: query.from,
      to: query.to,
      asOf,
      groupBy,
      minCommuneGroup: MIN_COMMUNE_GROUP,
      smallCommunes: SMALL_COMMUNES,
    });

    const keys = new Set<string | null>([
      ...people.map((row) => row.grp),
      ...responses.map((row) => row.grp),
      ...offers.map((row) => row.grp),
    ]);
    if (groupBy === 'none') keys.add(null);
    const labels = await this.labels(
      groupBy,
      [...keys].filter((key): key is string => key !== null),
    );
    const groups = [...keys]
      .map((key) => ({
        key,
        label: key === null ? (groupBy === 'none' ? 'Ensemble' : 'Non attribué') : (labels.get(key) ?? key),
        indicators: this.values(
          people.find((row) => row.grp === key),
          responses.find((row) => row.grp === key),
          offers.find((row) => row.grp === key),
        ),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    return {
      from: query.from,
      to: query.to,
      asOf,
      structureId: query.structureId ?? null,
      coachId: query.coachId ?? null,
      groupBy,
      groups,
    };
  }

  /**
   * One line per group and indicator, for spreadsheets. Group labels are names typed by users
   * (structures, coaches) or taken from the referential: the CSV writer keeps them from being formulas. French
   * conventions (`;`, decimal commas, French headers and dates, a byte order mark): it opens as is in a French Excel.
   */
  static csv(report: IndicatorsReport): string {
    const header = [
      'Du',
      'Au',
      'Groupe',
      'Code de l’indicateur',
      'Indicateur',
      'Numérateur',
      'Dénominateur',
      'Valeur',
      'Cible',
      'Cible atteinte',
      'Non renseignés',
    ];
    const lines: CsvValue[][] = [header];
    for (const group of report.groups)
      for (const indicator of group.indicators)
        lines.push([
          frenchDate(report.from),
          frenchDate(report.to),
          group.label,
          indicator.key,
          indicator.label,
          indicator.numerator,
          indicator.denominator,
          indicator.value,
          indicator.target,
          indicator.targetMet,
          indicator.unknown,
        ]);
    return frenchCsvDocument(lines);
  }

  private values(people?: PeopleRow, responses?: ResponseRow, offers?: OffersRow): IndicatorValue[] {
    const p = people;
    const round1 = (value: number | null | undefined): number | null =>
      value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
    const parts: Record<
      string,
      { numerator: number | null; denominator: number | null; value?: number | null; unknown?: number }
    > = {
      return_to_activity: { numerator: p?.returned ?? 0, denominator: p?.cohort ?? 0 },
      ...Object.fromEntries(
        milestones.map(([m]) => [
          `rsa_exit_job_${m}`,
          {
            numerator: p?.[`exit_${m}`] ?? 0,
            denominator: p?.[`due_${m}`] ?? 0,
            unknown: (p?.[`due_${m}`] ?? 0) - (p?.[`answered_${m}`] ?? 0),
          },
        ]),
      ),
      durable_jobs: { numerator: p?.durable ?? 0, denominator: p?.placements ?? 0 },
      cv_on_platform: { numerator: p?.cv_ok ?? 0, denominator: p?.job_ready ?? 0 },
      days_to_first_introduction: { numerator: null, denominator: p?.intro_people ?? 0, value: round1(p?.intro_days) },
      days_to_hire: { numerator: null, denominator: p?.hire_people ?? 0, value: round1(p?.hire_days) },
      introductions_per_person: { numerator: p?.introductions ?? 0, denominator: p?.followed ?? 0 },
      employer_response_rate: { numerator: responses?.answered ?? 0, denominator: responses?.sent ?? 0 },
      employer_response_hours: {
        numerator: null,
        denominator: responses?.answered ?? 0,
        value: round1(responses?.median_hours),
      },
      contact_rhythm_at_target: { numerator: p?.rhythm_at_target ?? 0, denominator: p?.rhythm_people ?? 0 },
      no_show_rate: {
        numerator: p?.attendance_absent ?? 0,
        denominator: p?.attendance_recorded ?? 0,
        unknown: p?.attendance_unknown ?? 0,
      },
      offers_captured: { numerator: offers?.offers ?? 0, denominator: null, value: offers?.offers ?? 0 },
    };
    return INDICATORS.map((definition) => {
      const part = parts[definition.key];
      const value = part.value !== undefined ? part.value : ratio(part.numerator ?? 0, part.denominator ?? 0);
      return {
        key: definition.key,
        label: definition.label,
        unit: definition.unit,
        target: definition.target,
        numerator: part.numerator,
        denominator: part.denominator,
        value,
        targetMet: definition.target === null || value === null ? null : value >= definition.target,
        ...(part.unknown !== undefined ? { unknown: part.unknown } : {}),
      };
    });
  }

  private async labels(groupBy: IndicatorGroup, ids: string[]): Promise<Map<string, string>> {
    if (groupBy === 'none' || ids.length === 0) return new Map();
    if (groupBy === 'departement') return new Map(ids.map((code) => [code, `Département ${code}`]));
    const labels = new Map<string, string>([
      [SMALL_COMMUNES, `Autres communes (moins de ${MIN_COMMUNE_GROUP} personnes chacune)`],
    ]);
    for (const row of await this.indicators.labels(this.dataSource.manager, groupBy, ids))
      labels.set(row.id, row.label);
    return labels;
  }
}
