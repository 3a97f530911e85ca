import { Inject, Injectable, Logger } from '@nestjs/common';
import { normalizeOffer, OFFER_LOOKUPS, type OfferLookups, OfferStore, type OfferWrite } from '@passerelle/offers';
import { RejectionTally } from '../domain/rejection-verdict.js';
import type { FetchedPayload, FranceTravailConfig, SourceDefinition } from '../domain/source.js';
import { ConfiguredSources } from './configured-sources.js';
import { PayloadStore } from './ports/payload-store.js';
import { RejectionStore } from './ports/rejection-store.js';
import { type RunCountsRow, RunStore, type RunStatus, type RunTrigger } from './ports/run-store.js';
import { SourceFeeds } from './ports/source-feeds.js';
import { SourceRunLock } from './ports/source-run-lock.js';
import { SourceStore } from './ports/source-store.js';
import { toDefinition } from './source-definition.js';
import { TrustedFetchHosts } from './trusted-fetch-hosts.js';
import { ingestionError } from '../domain/ingestion-errors.js';

/** What a run counts (the run's stored counts). */
export type RunCounts = RunCountsRow;

export interface RunSummary extends RunCounts {
  readonly runId: string;
  readonly source: string;
  readonly status: RunStatus;
  readonly complete: boolean;
  readonly durationMs: number;
  readonly error: string | null;
}

export interface RunOptions {
  readonly trigger: RunTrigger;
  readonly onProgress?: (counts: Readonly<RunCounts>) => void;
  readonly signal?: AbortSignal;
  /** Test hook: shortens the waits between retries. */
  readonly backoffScale?: number;
}

const BATCH_SIZE = 500;

function zeroCounts(): RunCounts {
  return {
    pagesFetched: 0,
    offersSeen: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    rejected: 0,
    duplicates: 0,
  };
}

interface PendingRejection {
  readonly externalId: string | null;
  readonly url: string | null;
  readonly field: string | null;
  readonly reason: string;
  readonly payload: FetchedPayload | null;
}

/**
 * One run of one source: fetch and parse (adapter), normalise, store in batches (raw payloads,
 * offers, rejections, outbox), link cross-source duplicates, and — only when the whole source was
 * listed — close the offers that disappeared from it. A second run of an unchanged source changes
 * nothing. One run per source at a time (advisory lock): a run killed midway is simply run again.
 */
@Injectable()
export class RunIngestion {
  private readonly logger = new Logger(RunIngestion.name);

  constructor(
    private readonly sources: SourceStore,
    private readonly runs: RunStore,
    private readonly runLock: SourceRunLock,
    private readonly feeds: SourceFeeds,
    private readonly offers: OfferStore,
    private readonly payloads: PayloadStore,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
    private readonly configured: ConfiguredSources,
    private readonly trusted: TrustedFetchHosts,
    private readonly rejectionStore: RejectionStore,
  ) {}

  async execute(sourceName: string, options: RunOptions): Promise<RunSummary> {
    const entity = await this.sources.byName(sourceName);
    if (!entity) throw ingestionError('source.not_found', `no source named ${sourceName}`);
    if (entity.kind === 'manual') {
      throw ingestionError('source.manual', 'a manual source is fed through the API, it cannot be run');
    }
    const definition = withSecret(toDefinition(entity), this.configured);
    const held = await this.runLock.hold(entity.id, async () => {
      // Runs left "running" by a process that died are over: this run replaces them.
      await this.runs.failRunning(entity.id, new Date(), 'interrupted (the process running it stopped)');
      return this.run(definition, options);
    });
    if (!held) throw ingestionError('source.run_in_progress', `a run of ${sourceName} is already in progress`);
    return held.result;
  }

  private async run(definition: SourceDefinition, options: RunOptions): Promise<RunSummary> {
    const started = Date.now();
    const run = await this.runs.start({
      sourceId: definition.id,
      trigger: options.trigger,
      status: 'running',
      startedAt: new Date(),
      ...zeroCounts(),
      error: null,
    });
    const counts = zeroCounts();
    const tally = new RejectionTally();
    const lookups = await this.lookups();
    const signal = options.signal ?? new AbortController().signal;
    // A reparse fetches nothing: it replays the stored payloads through today's parsers.
    const replay = options.trigger === 'reparse';
    const items = () =>
      replay
        ? this.feeds.replay(definition, this.payloads.replayable(definition.id, definition.name))
        : this.feeds.items(definition, {
            trustedHosts: this.trusted.hosts,
            backoffScale: options.backoffScale,
            cached: (url) => this.payloads.cached(url),
            signal,
          });
    let writes: Array<
      OfferWrite & {
        payload: FetchedPayload;
        cache?: { url: string; etag: string | null; lastModified: string | null };
      }
    > = [];
    let rejections: PendingRejection[] = [];
    let complete = true;
    const problems: string[] = [];
    let lastProgress = 0;

    let inFlight: Promise<void> = Promise.resolve();
    const flush = async (): Promise<void> => {
      const batch = writes;
      const rejected = rejections;
      writes = [];
      rejections = [];
      if (batch.length > 0) {
        const hashes = await this.payloads.putMany(
          definition.id,
          batch.map((write) => write.payload),
        );
        await this.payloads.rememberValidators(
          batch.flatMap((write, index) => (write.cache ? [{ ...write.cache, hash: hashes[index] }] : [])),
        );
        const outcome = await this.offers.applyBatch(
          definition.name,
          run.id,
          batch.map((write, index) => ({
            offer: write.offer,
            contentHash: write.contentHash,
            payloadHash: hashes[index],
          })),
        );
        counts.created += outcome.created;
        counts.updated += outcome.updated;
        counts.unchanged += outcome.unchanged;
        counts.duplicates += await this.offers.linkDuplicates(outcome.changedIds);
      }
      if (rejected.length > 0) await this.storeRejections(definition.id, run.id, rejected);
      await this.runs.update(run.id, { ...counts });
    };

    try {
      for await (const item of items()) {
        switch (item.kind) {
          case 'page':
            counts.pagesFetched += 1;
            break;
          case 'incomplete':
            complete = false;
            problems.push(item.reason);
            this.logger.warn(`${definition.name}: ${item.reason}`);
            break;
          case 'rejection':
            counts.rejected += 1;
            tally.reject(item.field ?? null, item.reason);
            rejections.push({
              externalId: item.externalId ?? null,
              url: item.url ?? item.payload?.url ?? null,
              field: item.field ?? null,
              reason: item.reason,
              payload: item.payload ?? null,
            });
            break;
          case 'offer': {
            counts.offersSeen += 1;
            const result = normalizeOffer(
              { source: definition.name, externalId: item.raw.externalId, fields: item.raw.fields },
              lookups,
            );
            if (result.ok) {
              tally.accept();
              writes.push({
                offer: result.offer,
                contentHash: result.contentHash,
                payloadHash: null,
                payload: item.payload,
                cache: item.cache,
              });
            } else {
              counts.rejected += 1;
              tally.reject(result.rejection.field, result.rejection.reason);
              rejections.push({
                externalId: item.raw.externalId,
                url: item.raw.fields.url ?? item.payload.url,
                field: result.rejection.field,
                reason: result.rejection.reason,
                payload: item.payload,
              });
            }
            break;
          }
        }
        if (writes.length >= BATCH_SIZE || rejections.length >= BATCH_SIZE) {
          // One batch is written while the next is fetched and parsed: at most one write in flight.
          await inFlight;
          inFlight = flush();
          // Awaited before the next batch or at the end; until then a failure must not go unhandled.
          inFlight.catch(() => undefined);
        }
        if (options.onProgress && Date.now() - lastProgress > 500) {
          lastProgress = Date.now();
          options.onProgress(counts);
        }
      }
      await inFlight;
      await flush();
      // Nearly every offer rejected for one reason: the run failed, and not reading the offers is no
      // reason to close them.
      const systemic = tally.systemicFailure();
      if (systemic) this.logger.error(`${definition.name}: ${systemic}`);
      // A replay sees only what was stored: an offer it did not read is not gone from the source.
      if (complete && !systemic && !replay) counts.closed += await this.offers.closeNotSeen(definition.name, run.id);
      counts.closed += await this.offers.closeExpired();
      const status: RunStatus = systemic ? 'failed' : complete ? 'succeeded' : 'partial';
      const error = [systemic, ...problems].filter(Boolean).join('; ') || null;
      return await this.finish(run.id, definition.name, status, counts, complete, started, error);
    } catch (error) {
      await inFlight.catch(() => undefined);
      await flush().catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(run.id, definition.name, 'failed', counts, false, started, message);
      throw error;
    } finally {
      options.onProgress?.(counts);
    }
  }

  private async finish(
    runId: string,
    source: string,
    status: RunStatus,
    counts: RunCounts,
    complete: boolean,
    started: number,
    error: string | null,
  ): Promise<RunSummary> {
    await this.runs.update(runId, { ...counts, status, endedAt: new Date(), error: error?.slice(0, 2000) ?? null });
    return { runId, source, status, complete, durationMs: Date.now() - started, error, ...counts };
  }

  private async storeRejections(
    sourceId: string,
    runId: string,
    rejections: readonly PendingRejection[],
  ): Promise<void> {
    const withPayload = rejections.filter((rejection) => rejection.payload !== null);
    const hashes = await this.payloads.putMany(
      sourceId,
      withPayload.map((rejection) => rejection.payload!),
    );
    const hashOf = new Map(withPayload.map((rejection, index) => [rejection, hashes[index]]));
    await this.rejectionStore.record(
      runId,
      sourceId,
      rejections.map((rejection) => ({
        externalId: rejection.externalId,
        url: rejection.url,
        field: rejection.field,
        reason: rejection.reason,
        payloadHash: hashOf.get(rejection) ?? null,
      })),
    );
  }
}

/** Adds the environment's France Travail secret to the source configured from the environment. */
function withSecret(definition: SourceDefinition, configured: ConfiguredSources): SourceDefinition {
  if (definition.kind !== 'france_travail') return definition;
  const config = definition.config as FranceTravailConfig;
  const secret = config.clientSecret ?? configured.secretFor(config);
  return secret ? { ...definition, config: { ...config, clientSecret: secret } } : definition;
}
