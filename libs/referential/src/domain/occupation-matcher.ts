import type { AppellationRow, OccupationRow } from './referential-rows.js';
import { foldText, occupationTokens } from './text-normalisation.js';

export interface InferredOccupation {
  readonly codeRome: string;
  /** The occupation's ROME label. */
  readonly label: string;
  /** Set when the title matched one of the occupation's appellations rather than its own label. */
  readonly appellationCode?: string;
  readonly appellationLabel?: string;
  /** 1 when the title's words are exactly a label's; a weighted overlap below that. */
  readonly score: number;
}

/** Below this a guess is more often wrong than right on real offer titles. */
export const MIN_OCCUPATION_SCORE = 0.55;
/** Share of a label's weight the title must contain: one common word in common is not a match. */
const MIN_LABEL_COVERAGE = 0.5;

/**
 * Wordings common in job offers that ROME does not list, and the appellation they mean there:
 * an "agent d'entretien" wanted by an employer cleans premises (ROME only has agents d'entretien
 * of buildings, lifts, green spaces...); a plain "infirmier" is a nurse in general care (IDE).
 */
const OFFER_WORDINGS: ReadonlyArray<readonly [wording: string, appellationCode: string]> = [
  ["Agent d'entretien", '10688'],
  ['Agent de nettoyage', '10571'],
  ['Femme de ménage', '14774'],
  ['Infirmier', '15545'],
];

// `(ASH)`, `(ATSEM)`, `-SAV-`: offers often give the acronym alone.
const ACRONYM = /\(([A-Z]{2,8})\)|-([A-Z]{2,8})-/g;

// Words no label has (a brand, a town, a typo) still count against a match, but less than the
// rarest label word: they say nothing about which occupation it is.
const UNKNOWN_WORD_WEIGHT = 1;

/** Which label wins when two score the same: the plainest wording first. */
const enum Preference {
  MainAppellation,
  Appellation,
  OccupationLabel,
  RarelyUsedAppellation,
}

interface Label {
  readonly codeRome: string;
  readonly appellation: AppellationRow | null;
  readonly weight: number;
  readonly preference: Preference;
}

/**
 * Guesses the ROME occupation of a job title by comparing its words with every appellation (long
 * and short label) and occupation label: a Dice coefficient weighted by how rare each word is
 * among labels, so `entretien` counts more than `agent`. Equal word sets score 1. Deterministic:
 * ties go to the plainer label, then to the label built first (labels are built in code order).
 */
export class OccupationMatcher {
  private readonly vocabulary = new Map<string, number>();
  private readonly wordWeights: number[] = [];
  private readonly postings: number[][] = [];
  private readonly labels: Label[] = [];
  private readonly occupationLabels = new Map<string, string>();
  // Scratch space reused by every call; the matcher is synchronous, so calls never interleave.
  private readonly scores: Float64Array;

  constructor(occupations: readonly OccupationRow[], appellations: readonly AppellationRow[]) {
    const labelWords: number[][] = [];
    const pending: Array<Omit<Label, 'weight'>> = [];
    const seen = new Set<string>();
    const addLabel = (text: string, label: Omit<Label, 'weight'>): void => {
      const words = occupationTokens(text);
      const signature = `${label.codeRome}|${label.appellation?.codeOgr ?? ''}|${[...words].sort().join(' ')}`;
      if (words.length === 0 || seen.has(signature)) return;
      seen.add(signature);
      labelWords.push(words.map((word) => this.wordId(word)));
      pending.push(label);
    };

    // Built in code order whatever order the rows came in: ties then always go the same way.
    const sortedOccupations = [...occupations].sort((a, b) => compare(a.codeRome, b.codeRome));
    const sortedAppellations = [...appellations].sort((a, b) => compare(a.codeOgr, b.codeOgr));
    for (const occupation of sortedOccupations) {
      this.occupationLabels.set(occupation.codeRome, occupation.label);
      addLabel(occupation.label, {
        codeRome: occupation.codeRome,
        appellation: null,
        preference: Preference.OccupationLabel,
      });
    }
    for (const appellation of sortedAppellations) {
      if (!this.occupationLabels.has(appellation.codeRome)) continue;
      const preference = appellation.rarelyUsed
        ? Preference.RarelyUsedAppellation
        : appellation.main
          ? Preference.MainAppellation
          : Preference.Appellation;
      addLabel(appellation.label, { codeRome: appellation.codeRome, appellation, preference });
      addLabel(appellation.shortLabel, { codeRome: appellation.codeRome, appellation, preference });
    }
    const appellationsByCode = new Map(appellations.map((appellation) => [appellation.codeOgr, appellation]));
    for (const [wording, code] of OFFER_WORDINGS) {
      const appellation = appellationsByCode.get(code);
      if (appellation && this.occupationLabels.has(appellation.codeRome)) {
        addLabel(wording, { codeRome: appellation.codeRome, appellation, preference: Preference.Appellation });
      }
    }
    for (const occupation of sortedOccupations) {
      for (const acronym of acronyms(occupation.label)) {
        addLabel(acronym, { codeRome: occupation.codeRome, appellation: null, preference: Preference.OccupationLabel });
      }
    }
    for (const appellation of sortedAppellations) {
      if (!this.occupationLabels.has(appellation.codeRome)) continue;
      for (const acronym of acronyms(appellation.label)) {
        addLabel(acronym, { codeRome: appellation.codeRome, appellation, preference: Preference.Appellation });
      }
    }

    const documentFrequency = new Array<number>(this.vocabulary.size).fill(0);
    labelWords.forEach((words, labelId) => {
      for (const word of words) {
        documentFrequency[word] += 1;
        this.postings[word].push(labelId);
      }
    });
    const labelCount = labelWords.length;
    documentFrequency.forEach((frequency, word) => {
      this.wordWeights[word] = Math.log(1 + labelCount / frequency);
    });
    labelWords.forEach((words, labelId) => {
      const weight = words.reduce((sum, word) => sum + this.wordWeights[word], 0);
      this.labels.push({ ...pending[labelId], weight });
    });
    this.scores = new Float64Array(labelCount);
  }

  infer(title: string): InferredOccupation | null {
    const [best] = this.candidates(title, 1);
    return best && best.score >= MIN_OCCUPATION_SCORE ? best : null;
  }

  /**
   * The occupations the title's words point at, best first, one entry per occupation (its
   * best-scoring label), at most `limit`, however low their score: the classifier weighs them
   * against the description.
   */
  candidates(title: string, limit: number, minCoverage = MIN_LABEL_COVERAGE): InferredOccupation[] {
    const words = occupationTokens(title);
    if (words.length === 0) return [];
    let titleWeight = 0;
    const touched: number[] = [];
    for (const word of words) {
      const id = this.vocabulary.get(word);
      if (id === undefined) {
        titleWeight += UNKNOWN_WORD_WEIGHT;
        continue;
      }
      const weight = this.wordWeights[id];
      titleWeight += weight;
      for (const labelId of this.postings[id]) {
        if (this.scores[labelId] === 0) touched.push(labelId);
        this.scores[labelId] += weight;
      }
    }

    const bestByCode = new Map<string, { labelId: number; score: number }>();
    for (const labelId of touched) {
      const shared = this.scores[labelId];
      this.scores[labelId] = 0;
      const labelWeight = this.labels[labelId].weight;
      if (shared < minCoverage * labelWeight) continue;
      const score = (2 * shared) / (titleWeight + labelWeight);
      const code = this.labels[labelId].codeRome;
      const current = bestByCode.get(code);
      if (this.better(labelId, score, current)) bestByCode.set(code, { labelId, score });
    }
    const ranked = [...bestByCode.values()].sort((a, b) =>
      this.better(a.labelId, a.score, b) ? -1 : this.better(b.labelId, b.score, a) ? 1 : 0,
    );
    return ranked.slice(0, limit).map(({ labelId, score }) => this.describe(labelId, score));
  }

  private better(labelId: number, score: number, current: { labelId: number; score: number } | undefined): boolean {
    if (!current) return true;
    if (score > current.score + 1e-9) return true;
    return Math.abs(score - current.score) <= 1e-9 && this.before(labelId, current.labelId);
  }

  private describe(labelId: number, rawScore: number): InferredOccupation {
    const label = this.labels[labelId];
    const score = Math.round(rawScore * 1000) / 1000;
    const occupationLabel = this.occupationLabels.get(label.codeRome) ?? label.codeRome;
    return label.appellation
      ? {
          codeRome: label.codeRome,
          label: occupationLabel,
          appellationCode: label.appellation.codeOgr,
          appellationLabel: label.appellation.label,
          score,
        }
      : { codeRome: label.codeRome, label: occupationLabel, score };
  }

  private before(candidate: number, current: number): boolean {
    const a = this.labels[candidate];
    const b = this.labels[current];
    if (a.preference !== b.preference) return a.preference < b.preference;
    return candidate < current;
  }

  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(word, id);
      this.postings.push([]);
    }
    return id;
  }
}

/**
 * The acronyms that name the job itself: `Agent de service hospitalier (ASH)` is an ASH, but a
 * mechanic of `Travaux Publics -BTP-` is no BTP. Such acronyms start like the label does.
 */
function acronyms(label: string): string[] {
  const initial = foldText(label).charAt(0);
  return [...label.matchAll(ACRONYM)]
    .map((match) => match[1] ?? match[2])
    .filter((acronym) => acronym.charAt(0).toLowerCase() === initial);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
