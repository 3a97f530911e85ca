import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, Clock, type ResolvedConfig } from '@passerelle/core';
import { CodedOfferReader, type CodedOfferStats, ReferentialIndex } from '@passerelle/referential';
import { CodedOfferSource } from './ports/coded-offer-source.js';

/** Coded offers learned from, at most: the newest. ~20,000 offers take ~20 MB and ~15 s to build. */
export const LEARNING_MAX_OFFERS = 20_000;
/**
 * Fewer coded offers than this and the referential reads alone: a handful of stored offers would
 * vote with little to say (a fresh installation, a test database).
 */
export const LEARNING_MIN_OFFERS = 200;
/** A reader older than this is rebuilt in the background at the next use; the old one serves meanwhile. */
export const LEARNING_MAX_AGE_MS = 6 * 3600_000;

export interface LearningReport extends CodedOfferStats {
  /** False when there were fewer than LEARNING_MIN_OFFERS coded offers: the referential reads alone. */
  readonly inUse: boolean;
  readonly builtAt: string;
  /** Reading the rows and building the index, in ms. */
  readonly durationMs: number;
  /** Growth of the JavaScript heap over the build (indicative: the collector runs when it likes). */
  readonly heapDeltaBytes: number;
}

/**
 * The occupation reader that learns from the platform's own coded offers: it reads the newest
 * stored offers whose source gave a ROME code (France Travail's), builds a CodedOfferReader from
 * them and hands it to the referential index, so every offer read without a code from then on
 * (ingestion, `cli reparse`, offers posted by hand) is read as the most similar coded offers were
 * coded, the referential weighing in (see readWithCodedOffers). Built in the background as each
 * process starts (API, worker, CLI), rebuilt when older than LEARNING_MAX_AGE_MS by the app's clock
 * (in the background, the old reader serving meanwhile) or on demand (`cli learn-occupations`).
 *
 * Off by default (OCCUPATION_LEARNING): on the development offers it helps the IT-heavy files but
 * not the representative one's matching (see the README's Matching section); `cli learn-occupations`
 * and `rebuild` still build a reader on demand, which then serves until the process ends.
 *
 * The first offers read wait for the start-up build rather than being read by the referential
 * alone: an offer's occupation must not depend on whether it arrived in the seconds after a
 * restart (matching stays deterministic), and the build has then had the start-up time to run
 * (~3 s for 4,400 offers, ~15 s at the cap), so the wait is what remains of it.
 */
@Injectable()
export class OccupationLearning implements OnApplicationBootstrap {
  private readonly logger = new Logger(OccupationLearning.name);
  private report: LearningReport | null = null;
  private building: Promise<LearningReport> | null = null;

  constructor(
    private readonly source: CodedOfferSource,
    private readonly index: ReferentialIndex,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Off (OCCUPATION_LEARNING=false): the referential reads alone, unless a reader is built on demand. */
  get enabled(): boolean {
    return this.config.occupationLearning;
  }

  /** Starts the first build without holding the start-up: the first offer read waits for it. */
  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.rebuild().catch((error: unknown) =>
      this.logger.warn(`occupation learning at start-up failed: ${String(error)}`),
    );
  }

  get lastReport(): LearningReport | null {
    return this.report;
  }

  /** The build in flight, if any (start-up or a stale reader's rebuild). */
  get pendingBuild(): Promise<LearningReport> | null {
    return this.building;
  }

  /**
   * Waits for the first build of the process (started at start-up, or now if that one failed);
   * later a reader older than LEARNING_MAX_AGE_MS on the app's clock is rebuilt without waiting.
   */
  async ensureBuilt(): Promise<void> {
    if (!this.enabled) return;
    if (!this.report) {
      await this.rebuild();
      return;
    }
    const age = this.clock.now().getTime() - Date.parse(this.report.builtAt);
    if (age > LEARNING_MAX_AGE_MS && !this.building) {
      this.rebuild().catch((error: unknown) =>
        this.logger.warn(`occupation learning rebuild failed: ${String(error)}`),
      );
    }
  }

  /** Reads the coded offers and swaps the new reader in; concurrent calls share one build. */
  rebuild(
    options: { readonly maxOffers?: number; readonly onProgress?: (read: number) => void } = {},
  ): Promise<LearningReport> {
    this.building ??= this.build(options).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(options: {
    readonly maxOffers?: number;
    readonly onProgress?: (read: number) => void;
  }): Promise<LearningReport> {
    await this.index.load();
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const builder = CodedOfferReader.builder({
      maxOffers: options.maxOffers ?? LEARNING_MAX_OFFERS,
      isKnown: (code) => this.index.isKnownRomeCode(code),
      onProgress: options.onProgress,
    });
    for await (const offer of this.source.newest(options.maxOffers ?? LEARNING_MAX_OFFERS))
      if (!builder.add(offer)) break;
    return this.install(builder.finish(), started, heapBefore);
  }

  /**
   * Uses a reader built elsewhere (an evaluation's coded offers kept outside the database) until
   * the next rebuild, as if it had been built from the store. A build in flight (the start-up one)
   * is let finish first, so it cannot replace this reader afterwards.
   */
  async use(reader: CodedOfferReader): Promise<LearningReport> {
    await this.building?.catch(() => undefined);
    return this.install(reader, performance.now(), process.memoryUsage().heapUsed);
  }

  private install(reader: CodedOfferReader, started: number, heapBefore: number): LearningReport {
    const inUse = reader.stats.offers >= LEARNING_MIN_OFFERS;
    this.index.useCodedOffers(inUse ? reader : null);
    const report: LearningReport = {
      ...reader.stats,
      inUse,
      builtAt: this.clock.now().toISOString(),
      durationMs: Math.round(performance.now() - started),
      heapDeltaBytes: process.memoryUsage().heapUsed - heapBefore,
    };
    this.report = report;
    this.logger.log(
      `occupation reader: ${report.offers} coded offers, ${report.codes} codes, ${report.durationMs} ms${inUse ? '' : ' (too few: referential alone)'}`,
    );
    return report;
  }
}
