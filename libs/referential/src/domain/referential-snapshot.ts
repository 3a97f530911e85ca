import { CommuneDirectory, type CommuneQuery, type ResolvedCommune } from './commune-directory.js';
import { type ClassifiedOccupation, OccupationClassifier } from './occupation-classifier.js';
import { type InferredOccupation, OccupationMatcher } from './occupation-matcher.js';
import { PrefixIndex } from './prefix-index.js';
import { SkillExtractor } from './skill-extractor.js';
import type { ReferentialRows, SkillKind } from './referential-rows.js';
import { foldText, genderForms, placeKey } from './text-normalisation.js';
import { type ResolvedArea, resolveAbroad, resolveArea } from './territories.js';

export interface OccupationView {
  readonly code: string;
  readonly label: string;
}

export interface AppellationView {
  readonly code: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly codeRome: string;
}

export interface SkillView {
  readonly code: string;
  readonly label: string;
  readonly kind: SkillKind;
  readonly category: string | null;
  readonly isMacro: boolean;
}

export interface OccupationSkill extends SkillView {
  /** At the heart of the occupation (ROME `coeur_metier = Principale`). */
  readonly core: boolean;
  /** ROME `coeur_metier = Émergente`. */
  readonly emerging: boolean;
}

export interface Mobility {
  readonly codeRome: string;
  readonly label: string;
  /** France Travail's order, 1 first. */
  readonly rank: number;
}

export const AUTOCOMPLETE_KINDS = ['occupation', 'appellation', 'skill', 'commune'] as const;
export type AutocompleteKind = (typeof AUTOCOMPLETE_KINDS)[number];

export type Suggestion =
  | { readonly kind: 'occupation'; readonly code: string; readonly label: string }
  | { readonly kind: 'appellation'; readonly code: string; readonly label: string; readonly codeRome: string }
  | { readonly kind: 'skill'; readonly code: string; readonly label: string; readonly skillKind: SkillKind }
  | {
      readonly kind: 'commune';
      /** INSEE code. */
      readonly code: string;
      readonly label: string;
      readonly postalCode: string;
      readonly departement: string;
    };
export type SuggestionOf<K extends AutocompleteKind> = Extract<Suggestion, { kind: K }>;

export const MAX_SUGGESTIONS = 50;

interface SkillLink {
  readonly skill: SkillView;
  readonly core: boolean;
  readonly emerging: boolean;
}

type SuggestionSources = Pick<ReferentialRows, 'occupations' | 'appellations' | 'skills' | 'communes'>;

const SKILL_KIND_ORDER: Readonly<Record<SkillKind, number>> = {
  savoir_faire: 0,
  savoir_etre: 1,
  savoir: 2,
  contexte_travail: 3,
};

/**
 * The whole referential in memory, answering synchronously: what the ingestion pipeline asks for
 * each offer, and what autocompletion asks for each keystroke. Immutable once built.
 */
const NO_SKILLS: ReadonlySet<string> = new Set();

export class ReferentialSnapshot {
  private readonly occupations = new Map<string, OccupationView>();
  private readonly appellations = new Map<string, AppellationView>();
  private readonly skills = new Map<string, SkillView>();
  // Links point at the shared skill views; the flat OccupationSkill objects are made per call, which
  // keeps a hundred thousand of them out of the heap.
  private readonly skillsByOccupation = new Map<string, SkillLink[]>();
  private readonly mobilities = new Map<string, Mobility[]>();
  /** ROME 3 origin (`code_rome_parent`) → the ROME 4 occupations that came from it, sorted. */
  private readonly byOrigin = new Map<string, string[]>();
  private readonly originOf = new Map<string, string>();
  private readonly communes: CommuneDirectory;
  private readonly matcher: OccupationMatcher;
  // Built on first use, like the suggestions: only processes that read offers need it.
  private classifier: OccupationClassifier | null = null;
  private extractor: SkillExtractor | null = null;
  private readonly skillCodesByOccupation = new Map<string, ReadonlySet<string>>();
  // Built on first use: a worker normalising offers never autocompletes, and the API pays once.
  private readonly suggestions: Partial<Record<AutocompleteKind, PrefixIndex<Suggestion>>> = {};
  // Only what the suggestion indexes are built from is kept; link rows are dropped after loading.
  private readonly sources: SuggestionSources;

  constructor(rows: ReferentialRows) {
    this.sources = {
      occupations: rows.occupations,
      appellations: rows.appellations,
      skills: rows.skills,
      communes: rows.communes,
    };
    for (const row of rows.occupations) this.occupations.set(row.codeRome, { code: row.codeRome, label: row.label });
    for (const row of rows.occupations) {
      const origin = row.parentCodeRome && this.occupations.has(row.parentCodeRome) ? row.parentCodeRome : row.codeRome;
      this.originOf.set(row.codeRome, origin);
      append(this.byOrigin, origin, row.codeRome);
    }
    for (const list of this.byOrigin.values()) list.sort(compare);
    for (const row of rows.appellations) {
      this.appellations.set(row.codeOgr, {
        code: row.codeOgr,
        label: row.label,
        shortLabel: row.shortLabel,
        codeRome: row.codeRome,
      });
    }
    for (const row of rows.skills) {
      this.skills.set(row.codeOgr, {
        code: row.codeOgr,
        label: row.label,
        kind: row.kind,
        category: row.category,
        isMacro: row.isMacro,
      });
    }

    for (const link of rows.occupationSkills) {
      const skill = this.skills.get(link.codeOgr);
      if (!skill || !this.occupations.has(link.codeRome)) continue;
      append(this.skillsByOccupation, link.codeRome, { skill, core: link.core, emerging: link.emerging });
    }
    for (const list of this.skillsByOccupation.values()) {
      list.sort(
        (a, b) =>
          Number(b.core) - Number(a.core) ||
          SKILL_KIND_ORDER[a.skill.kind] - SKILL_KIND_ORDER[b.skill.kind] ||
          compare(a.skill.label, b.skill.label) ||
          compare(a.skill.code, b.skill.code),
      );
    }
    for (const row of rows.mobilities) {
      const target = this.occupations.get(row.toCodeRome);
      if (!target || !this.occupations.has(row.fromCodeRome)) continue;
      append(this.mobilities, row.fromCodeRome, { codeRome: target.code, label: target.label, rank: row.rank });
    }
    for (const list of this.mobilities.values())
      list.sort((a, b) => a.rank - b.rank || compare(a.codeRome, b.codeRome));

    this.communes = new CommuneDirectory(rows.communes, rows.communePostalCodes, rows.communeAliases);
    this.matcher = new OccupationMatcher(rows.occupations, rows.appellations);
  }

  get counts(): Readonly<Record<'occupations' | 'appellations' | 'skills' | 'communes', number>> {
    return {
      occupations: this.occupations.size,
      appellations: this.appellations.size,
      skills: this.skills.size,
      communes: this.communes.size,
    };
  }

  occupation(codeRome: string): OccupationView | null {
    return this.occupations.get(normaliseRomeCode(codeRome)) ?? null;
  }

  /** Every occupation code, sorted (the rows of the occupation × skill matrix). */
  occupationCodes(): string[] {
    return [...this.occupations.keys()].sort();
  }

  isKnownRomeCode(codeRome: string): boolean {
    return this.occupations.has(normaliseRomeCode(codeRome));
  }

  appellation(codeOgr: string): AppellationView | null {
    return this.appellations.get(codeOgr.trim()) ?? null;
  }

  skill(codeOgr: string): SkillView | null {
    return this.skills.get(codeOgr.trim()) ?? null;
  }

  /** Core skills first, then savoir-faire, savoir-être, savoirs and work contexts, by label. */
  skillsOfOccupation(codeRome: string): OccupationSkill[] {
    const links = this.skillsByOccupation.get(normaliseRomeCode(codeRome)) ?? [];
    return links.map(({ skill, core, emerging }) => ({ ...skill, core, emerging }));
  }

  /** The occupations France Travail lists as reachable from this one, in its order. */
  mobilitiesFrom(codeRome: string): readonly Mobility[] {
    return this.mobilities.get(normaliseRomeCode(codeRome)) ?? [];
  }

  /**
   * The occupations of the same ROME 3 origin as this one (ROME 4's `code_rome_parent`), itself
   * left out: M1854 Administrateur réseau informatique gives M1801, the code it was cut out of, and
   * M1801's other children. An offer coded before 2024 under M1801 may be any of them.
   */
  sameOriginOccupations(codeRome: string): readonly string[] {
    const code = normaliseRomeCode(codeRome);
    const origin = this.originOf.get(code);
    if (!origin) return [];
    return (this.byOrigin.get(origin) ?? []).filter((other) => other !== code);
  }

  inferOccupation(title: string): InferredOccupation | null {
    return this.matcher.infer(title);
  }

  /**
   * The occupation of an offer from its title and its description (see OccupationClassifier):
   * null only when neither names anything the referential knows.
   */
  classifyOccupation(title: string, description: string | null): ClassifiedOccupation | null {
    this.classifier ??= this.buildClassifier();
    return this.classifier.classify(title, description);
  }

  /**
   * The ROME skills and knowledge (savoir-faire, savoirs) a free text asks for, by code, the best
   * supported first (see SkillExtractor); those of `codeRome`, the offer's occupation, are looked for
   * more closely.
   */
  extractSkills(text: string, codeRome: string | null = null, limit = 30): string[] {
    this.extractor ??= new SkillExtractor(
      [...this.skills.values()]
        .filter((skill) => skill.kind === 'savoir_faire' || skill.kind === 'savoir')
        .sort((a, b) => compare(a.code, b.code)),
    );
    return this.extractor.extract(text, codeRome ? this.skillCodesOf(codeRome) : NO_SKILLS, limit);
  }

  /** The codes of an occupation's skills, kept per occupation (the snapshot never changes). */
  private skillCodesOf(codeRome: string): ReadonlySet<string> {
    let codes = this.skillCodesByOccupation.get(codeRome);
    if (!codes) {
      codes = new Set(this.skillsOfOccupation(codeRome).map((skill) => skill.code));
      this.skillCodesByOccupation.set(codeRome, codes);
    }
    return codes;
  }

  /** Whether a skill a person has covers one an offer asks for (same skill, or its specific words). */
  skillCovers(personSkill: string, offerSkill: string): boolean {
    if (personSkill === offerSkill) return true;
    const have = this.skills.get(personSkill);
    const wanted = this.skills.get(offerSkill);
    return have !== undefined && wanted !== undefined && SkillExtractor.covers(have.label, wanted.label);
  }

  private buildClassifier(): OccupationClassifier {
    const appellations = new Map<string, string[]>();
    for (const row of this.sources.appellations) append(appellations, row.codeRome, row.label);
    return new OccupationClassifier(
      this.matcher,
      [...this.occupations.values()].map((occupation) => ({
        codeRome: occupation.code,
        label: occupation.label,
        appellations: appellations.get(occupation.code) ?? [],
        skills: (this.skillsByOccupation.get(occupation.code) ?? [])
          .filter((link) => link.skill.kind !== 'contexte_travail')
          .map((link) => ({ label: link.skill.label, core: link.core })),
      })),
    );
  }

  resolveCommune(query: CommuneQuery): ResolvedCommune | null {
    return this.communes.resolve(query);
  }

  /**
   * The département, region or country a place text names. Without the communes no place is read at
   * all: every `59 - Caudry` would otherwise fall back to its département unnoticed, where the run's
   * rejections should say the reference data is missing.
   */
  resolveArea(text: string): ResolvedArea | null {
    return this.communes.size === 0 ? null : resolveArea(text);
  }

  resolveAbroad(text: string): ResolvedArea | null {
    return this.communes.size === 0 ? null : resolveAbroad(text);
  }

  departementsWithin(origin: { readonly lat: number; readonly lng: number }, radiusKm: number): readonly string[] {
    return this.communes.departementsWithin(origin, radiusKm);
  }

  /**
   * Labels starting with `prefix` (case, accents and punctuation ignored), then labels with a word
   * starting with it. Communes come most populous first; other kinds plainest wording first.
   */
  autocomplete<K extends AutocompleteKind>(kind: K, prefix: string, limit = 10): SuggestionOf<K>[] {
    const index = this.suggestionIndex(kind);
    const key = kind === 'commune' ? placeKey(prefix) : foldText(prefix);
    const wanted = Math.min(Math.max(Math.trunc(limit), 0), MAX_SUGGESTIONS);
    // A label with two wordings has two keys: ask for more and keep each item once.
    const seen = new Set<string>();
    const results: SuggestionOf<K>[] = [];
    for (const item of index.search(key, wanted * 2)) {
      if (results.length === wanted) break;
      if (!isSuggestionOf(item, kind) || seen.has(item.code)) continue;
      seen.add(item.code);
      results.push(item);
    }
    return results;
  }

  private suggestionIndex(kind: AutocompleteKind): PrefixIndex<Suggestion> {
    const built = this.suggestions[kind] ?? buildSuggestions(this.sources, kind);
    this.suggestions[kind] = built;
    return built;
  }
}

function buildSuggestions(rows: SuggestionSources, kind: AutocompleteKind): PrefixIndex<Suggestion> {
  switch (kind) {
    case 'occupation':
      return new PrefixIndex(
        sortedBy(rows.occupations, (row) => row.codeRome).flatMap((row) =>
          labelKeys(row.label).map((key) => ({
            key,
            rank: row.label.length,
            item: { kind: 'occupation' as const, code: row.codeRome, label: row.label },
          })),
        ),
      );
    case 'appellation':
      return new PrefixIndex(
        sortedBy(rows.appellations, (row) => row.codeOgr).flatMap((row) =>
          labelKeys(row.label).map((key) => ({
            key,
            // Plain wordings before synonyms, rarely used ones last, shorter before longer.
            rank: (row.rarelyUsed ? 2_000 : row.main ? 0 : 1_000) + row.label.length,
            item: { kind: 'appellation' as const, code: row.codeOgr, label: row.label, codeRome: row.codeRome },
          })),
        ),
      );
    case 'skill':
      return new PrefixIndex(
        sortedBy(rows.skills, (row) => row.codeOgr).flatMap((row) =>
          labelKeys(row.label).map((key) => ({
            key,
            // Macro-skills name what a person can do in general terms: the likeliest pick.
            rank: SKILL_KIND_ORDER[row.kind] * 10_000 + (row.isMacro ? 0 : 1_000) + row.label.length,
            item: { kind: 'skill' as const, code: row.codeOgr, label: row.label, skillKind: row.kind },
          })),
        ),
      );
    case 'commune':
      return new PrefixIndex(
        sortedBy(rows.communes, (row) => row.inseeCode).map((row) => ({
          key: placeKey(row.name),
          rank: -row.population,
          item: {
            kind: 'commune' as const,
            code: row.inseeCode,
            label: row.nameWithArticle,
            postalCode: row.postalCode,
            departement: row.departement,
          },
        })),
      );
  }
}

function isSuggestionOf<K extends AutocompleteKind>(item: Suggestion, kind: K): item is SuggestionOf<K> {
  return item.kind === kind;
}

function normaliseRomeCode(code: string): string {
  return code.trim().toUpperCase();
}

function labelKeys(label: string): string[] {
  return [...new Set(genderForms(label).map(foldText))];
}

function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortedBy<T>(rows: readonly T[], code: (row: T) => string): T[] {
  return [...rows].sort((a, b) => compare(code(a), code(b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
