import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ErrorDetail, type ResolvedConfig } from '@passerelle/core';
import { MANUAL_SOURCE } from '@passerelle/offers';
import { urlProblem } from '../domain/public-address.js';
import { type ConfigChecks, configProblems, redactConfig } from '../domain/source-config.js';
import { FRANCE_TRAVAIL_SOURCE, type SourceKind } from '../domain/source.js';
import { OfferPageParsers } from './ports/offer-page-parsers.js';
import { SourceStore, type StoredSource } from './ports/source-store.js';
import { TrustedFetchHosts } from './trusted-fetch-hosts.js';
import { ingestionError } from '../domain/ingestion-errors.js';

/**
 * Who gives a source: the operator (environment, demo mode, CLI, code) or a staff member through
 * the API. A staff member's URLs must reach public addresses unless the operator trusts the host,
 * and cannot take the name or the URLs of a source the environment configures.
 */
export type SourceOrigin = 'operator' | 'staff';

export interface SourceInput {
  readonly name: string;
  readonly label: string;
  readonly kind: SourceKind;
  readonly baseUrl?: string | null;
  readonly config: Record<string, unknown>;
  readonly scheduleMinutes?: number | null;
  readonly rateLimitPerSecond?: number;
  readonly maxConcurrency?: number;
  readonly enabled?: boolean;
  readonly structureId?: string | null;
}

export interface SourceView {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly kind: SourceKind;
  readonly baseUrl: string | null;
  readonly config: Record<string, unknown>;
  readonly scheduleMinutes: number | null;
  readonly rateLimitPerSecond: number;
  readonly maxConcurrency: number;
  readonly enabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toSourceView(entity: StoredSource): SourceView {
  return {
    id: entity.id,
    name: entity.name,
    label: entity.label,
    kind: entity.kind,
    baseUrl: entity.baseUrl,
    config: redactConfig(entity.config),
    scheduleMinutes: entity.scheduleMinutes,
    rateLimitPerSecond: entity.rateLimitPerSecond,
    maxConcurrency: entity.maxConcurrency,
    enabled: entity.enabled,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Platform staff register and tune the sources Passerelle pulls offers from. */
@Injectable()
export class ManageSources {
  constructor(
    private readonly sources: SourceStore,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly trusted: TrustedFetchHosts,
    private readonly parsers: OfferPageParsers,
  ) {}

  async list(): Promise<SourceView[]> {
    return (await this.sources.list()).map(toSourceView);
  }

  async get(id: string): Promise<SourceView> {
    const entity = await this.sources.byId(id);
    if (!entity) throw ingestionError('source.not_found', 'no such source');
    return toSourceView(entity);
  }

  /** Creates the source, or updates the one with the same name (idempotent registration). */
  async upsert(input: SourceInput, origin: SourceOrigin = 'operator'): Promise<SourceView> {
    try {
      return await this.save(input, origin);
    } catch (error) {
      // Two processes registering the same source at start: the second finds it and updates it.
      if ((error as { code?: string }).code === '23505') return this.save(input, origin);
      throw error;
    }
  }

  private async save(input: SourceInput, origin: SourceOrigin): Promise<SourceView> {
    const problems: ErrorDetail[] = [];
    if (origin === 'staff' && (input.name === FRANCE_TRAVAIL_SOURCE || input.name === MANUAL_SOURCE))
      problems.push({ field: 'name', reason: 'is reserved for a source the environment configures' });
    problems.push(...this.problems(input.kind, input.config, input.baseUrl, origin));
    if (problems.length > 0)
      throw ingestionError('source.invalid_config', 'the source configuration is not valid', problems);
    const existing = await this.sources.byName(input.name);
    const saved = await this.sources.save({
      ...existing,
      name: input.name,
      label: input.label,
      kind: input.kind,
      baseUrl: input.baseUrl ?? null,
      config: input.config,
      scheduleMinutes: input.scheduleMinutes ?? existing?.scheduleMinutes ?? null,
      rateLimitPerSecond: input.rateLimitPerSecond ?? existing?.rateLimitPerSecond ?? 2,
      maxConcurrency: input.maxConcurrency ?? existing?.maxConcurrency ?? 2,
      enabled: input.enabled ?? existing?.enabled ?? true,
      priority: existing?.priority ?? 100,
      structureId: input.structureId ?? existing?.structureId ?? null,
      updatedAt: new Date(),
    });
    return toSourceView(saved);
  }

  async update(
    id: string,
    changes: Partial<Omit<SourceInput, 'name' | 'kind'>>,
    origin: SourceOrigin = 'staff',
  ): Promise<SourceView> {
    const entity = await this.sources.byId(id);
    if (!entity) throw ingestionError('source.not_found', 'no such source');
    if (changes.config !== undefined || changes.baseUrl !== undefined) {
      const problems: ErrorDetail[] = [];
      let config = changes.config ?? entity.config;
      if (changes.config?.clientSecret === '***') {
        // A redacted secret sent back unchanged keeps the stored one, but only for the token URL it
        // was given for: otherwise anyone who may edit the source could send it to their own server.
        if (changes.config.tokenUrl !== entity.config.tokenUrl)
          problems.push({ field: 'config.clientSecret', reason: 'must be given again when tokenUrl changes' });
        config = { ...changes.config, clientSecret: entity.config.clientSecret };
      }
      problems.push(...this.problems(entity.kind, config, changes.baseUrl, origin));
      if (problems.length > 0)
        throw ingestionError('source.invalid_config', 'the source configuration is not valid', problems);
      entity.config = config;
    }
    if (changes.label !== undefined) entity.label = changes.label;
    if (changes.baseUrl !== undefined) entity.baseUrl = changes.baseUrl;
    if (changes.scheduleMinutes !== undefined) entity.scheduleMinutes = changes.scheduleMinutes;
    if (changes.rateLimitPerSecond !== undefined) entity.rateLimitPerSecond = changes.rateLimitPerSecond;
    if (changes.maxConcurrency !== undefined) entity.maxConcurrency = changes.maxConcurrency;
    if (changes.enabled !== undefined) entity.enabled = changes.enabled;
    entity.updatedAt = new Date();
    return toSourceView(await this.sources.save(entity));
  }

  /** What is wrong with a configuration given through the API, by field (nothing is stored). */
  problemsOf(kind: SourceKind, config: Record<string, unknown>, baseUrl?: string | null): ErrorDetail[] {
    return this.problems(kind, config, baseUrl, 'staff');
  }

  private problems(
    kind: SourceKind,
    config: Record<string, unknown>,
    baseUrl: string | null | undefined,
    origin: SourceOrigin,
  ): ErrorDetail[] {
    const problems: ErrorDetail[] = [];
    const checks: ConfigChecks =
      origin === 'staff'
        ? { regex: this.regexProblem, url: (value) => urlProblem(value, this.trusted.hosts) }
        : { regex: this.regexProblem };
    if (origin === 'staff' && typeof baseUrl === 'string') {
      const reason = urlProblem(baseUrl, this.trusted.hosts);
      if (reason) problems.push({ field: 'baseUrl', reason });
    }
    problems.push(...configProblems(kind, config, checks));
    if (origin === 'staff') problems.push(...this.environmentCredentialProblems(kind, config));
    return problems;
  }

  private readonly regexProblem = (pattern: string): string | null => this.parsers.regexProblem(pattern);

  /**
   * The France Travail client of the environment has its secret in the environment, and that
   * secret goes only to the environment's URLs (see ConfiguredSources.secretFor). Staff may tune
   * such a source (départements, ROME codes) but not point it elsewhere.
   */
  private environmentCredentialProblems(kind: SourceKind, config: Record<string, unknown>): ErrorDetail[] {
    const ft = this.config.franceTravail;
    if (kind !== 'france_travail' || !ft.clientId || config.clientId !== ft.clientId) return [];
    const problems: ErrorDetail[] = [];
    if (!sameUrl(config.apiUrl, ft.apiUrl))
      problems.push({
        field: 'config.apiUrl',
        reason: `must stay ${ft.apiUrl.toString()} (FRANCE_TRAVAIL_API_URL) for the client id of the environment`,
      });
    if (!sameUrl(config.tokenUrl, ft.tokenUrl))
      problems.push({
        field: 'config.tokenUrl',
        reason: `must stay ${ft.tokenUrl.toString()} (FRANCE_TRAVAIL_TOKEN_URL) for the client id of the environment`,
      });
    return problems;
  }
}

/** Whether a configuration's URL is the given one (same text once parsed). */
export function sameUrl(value: unknown, expected: URL): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).href === expected.href;
  } catch {
    return false;
  }
}
