import { Injectable } from '@nestjs/common';
import type { CommuneQuery, ResolvedCommune } from '../domain/commune-directory.js';
import { type CodedOfferReader, type LearnedOccupation, readWithCodedOffers } from '../domain/coded-offer-reader.js';
import type { ClassifiedOccupation } from '../domain/occupation-classifier.js';
import type { InferredOccupation } from '../domain/occupation-matcher.js';
import type { ResolvedArea } from '../domain/territories.js';
import {
  type AppellationView,
  type AutocompleteKind,
  type Mobility,
  type OccupationSkill,
  type OccupationView,
  ReferentialSnapshot,
  type SkillView,
  type SuggestionOf,
} from '../domain/referential-snapshot.js';
import { ReferentialStore } from './ports/referential-store.js';
import { referentialError } from '../domain/referential-errors.js';

export interface ReferentialLoadStats {
  readonly durationMs: number;
  readonly occupations: number;
  readonly appellations: number;
  readonly skills: number;
  readonly communes: number;
}

/**
 * The referential in memory for lookups that must not cost a query each (normalising a thousand
 * offers a second). `load()` reads PostgreSQL once; every lookup after it is synchronous. A process
 * that imports the referential drops its copy (`invalidate()`) and the next `load()` reads it
 * again; other processes keep theirs until they restart, which is fine for data released a few
 * times a year.
 */
@Injectable()
export class ReferentialIndex {
  private snapshot: ReferentialSnapshot | null = null;
  private loading: Promise<ReferentialSnapshot> | null = null;
  private generation = 0;
  private stats: ReferentialLoadStats | null = null;
  private codedOffers: CodedOfferReader | null = null;

  constructor(private readonly store: ReferentialStore) {}

  /** Loads once; later calls return at once, concurrent calls share the same read. */
  async load(): Promise<void> {
    if (this.snapshot) return;
    this.loading ??= this.read();
    await this.loading;
  }

  get isLoaded(): boolean {
    return this.snapshot !== null;
  }

  /** How long the last load took and what it holds; null before the first load. */
  /** Changes every time the loaded data may have changed (an import invalidated it). */
  get version(): number {
    return this.generation;
  }

  get loadStats(): ReferentialLoadStats | null {
    return this.stats;
  }

  invalidate(): void {
    this.generation += 1;
    this.snapshot = null;
    this.loading = null;
  }

  /**
   * A commune from its INSEE code, postal code, name or free-text place (`59000 Lille`,
   * `Lille (59)`, `LILLE 59`, `Cateau-Cambrésis (Le)`), in any mix. Names ignore case, accents,
   * hyphens, the article and `St`/`Saint`. A name shared by several communes, or a postal code
   * shared by several communes, gives the most populous one; a name with a postal code the data does
   * not list (CEDEX, a big city's second code) is looked for in that postal code's département.
   */
  resolveCommune(query: CommuneQuery): ResolvedCommune | null {
    return this.loaded().resolveCommune(query);
  }

  /**
   * The département, region or country a place text names when it names nothing finer
   * (`62 - Pas-de-Calais`, `Nouvelle-Aquitaine`, `France`), or null.
   */
  resolveArea(text: string): ResolvedArea | null {
    return this.loaded().resolveArea(text);
  }

  /** A place outside France (`Principauté de Monaco`, `Luxembourg (Frontalier)`), or null. */
  resolveAbroad(text: string): ResolvedArea | null {
    return this.loaded().resolveAbroad(text);
  }

  /** The départements reaching within `radiusKm` of a point (its own included). */
  departementsWithin(origin: { readonly lat: number; readonly lng: number }, radiusKm: number): readonly string[] {
    return this.loaded().departementsWithin(origin, radiusKm);
  }

  occupation(codeRome: string): OccupationView | null {
    return this.loaded().occupation(codeRome);
  }

  occupationCodes(): string[] {
    return this.loaded().occupationCodes();
  }

  isKnownRomeCode(codeRome: string): boolean {
    return this.loaded().isKnownRomeCode(codeRome);
  }

  appellation(codeOgr: string): AppellationView | null {
    return this.loaded().appellation(codeOgr);
  }

  skill(codeOgr: string): SkillView | null {
    return this.loaded().skill(codeOgr);
  }

  /**
   * The likeliest ROME occupation of a job title (`Agent d'entretien H/F - CDI`,
   * `Aide-soignant(e) de nuit`, `Chauffeur PL`), or null when no label is close enough.
   */
  inferOccupation(title: string): InferredOccupation | null {
    return this.loaded().inferOccupation(title);
  }

  /**
   * The occupation of an offer from its title and description: the title's readings weighed
   * against the description's words; null only when neither names anything known. When a reader
   * of coded offers is in use (useCodedOffers), the votes of the most similar stored offers whose
   * source coded them are weighed in, and the reading says where it came from (`readFrom`).
   */
  classifyOccupation(title: string, description: string | null): ClassifiedOccupation | LearnedOccupation | null {
    const snapshot = this.loaded();
    const referential = snapshot.classifyOccupation(title, description);
    if (!this.codedOffers) return referential;
    return readWithCodedOffers(
      referential,
      this.codedOffers.votes(title, description),
      (code) => snapshot.occupation(code)?.label ?? null,
    );
  }

  /**
   * Reads uncoded offers with the help of this reader of coded offers from now on (null: the
   * referential alone). Kept across referential reloads: it holds codes, not referential rows.
   */
  useCodedOffers(reader: CodedOfferReader | null): void {
    this.codedOffers = reader;
  }

  get codedOfferReader(): CodedOfferReader | null {
    return this.codedOffers;
  }

  /** The ROME skills and knowledge a free text (an offer's description) asks for, by code. */
  extractSkills(text: string, codeRome: string | null = null, limit = 30): string[] {
    return this.loaded().extractSkills(text, codeRome, limit);
  }

  /** Whether a skill a person has covers one an offer asks for. */
  skillCovers(personSkill: string, offerSkill: string): boolean {
    return this.loaded().skillCovers(personSkill, offerSkill);
  }

  /** Core skills first, then savoir-faire, savoir-être, savoirs and work contexts. */
  skillsOfOccupation(codeRome: string): OccupationSkill[] {
    return this.loaded().skillsOfOccupation(codeRome);
  }

  mobilitiesFrom(codeRome: string): readonly Mobility[] {
    return this.loaded().mobilitiesFrom(codeRome);
  }

  /** Occupations of the same ROME 3 origin (see ReferentialSnapshot.sameOriginOccupations). */
  sameOriginOccupations(codeRome: string): readonly string[] {
    return this.loaded().sameOriginOccupations(codeRome);
  }

  /** At most 50; communes most populous first, other kinds plainest wording first. */
  autocomplete<K extends AutocompleteKind>(kind: K, prefix: string, limit = 10): SuggestionOf<K>[] {
    return this.loaded().autocomplete(kind, prefix, limit);
  }

  private loaded(): ReferentialSnapshot {
    if (!this.snapshot) {
      throw referentialError('referential.not_loaded', 'the referential index is not loaded yet');
    }
    return this.snapshot;
  }

  private async read(): Promise<ReferentialSnapshot> {
    const generation = this.generation;
    const started = performance.now();
    try {
      const snapshot = new ReferentialSnapshot(await this.store.readRows());
      // An import finished while we were reading: what we read may be the old referential.
      if (generation !== this.generation) {
        this.loading ??= this.read();
        return this.loading;
      }
      this.snapshot = snapshot;
      this.stats = { durationMs: Math.round(performance.now() - started), ...snapshot.counts };
      return snapshot;
    } catch (error) {
      if (generation === this.generation) this.loading = null;
      throw error;
    }
  }
}
