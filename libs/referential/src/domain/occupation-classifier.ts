import { textStems } from './french-text.js';
import type { InferredOccupation, OccupationMatcher } from './occupation-matcher.js';

/** What the classifier knows of one occupation: its words, from the ROME referential. */
export interface OccupationText {
  readonly codeRome: string;
  readonly label: string;
  /** Job titles (appellations) of the occupation. */
  readonly appellations: readonly string[];
  /** Skills and knowledge linked to it; core ones weigh more. */
  readonly skills: ReadonlyArray<{ readonly label: string; readonly core: boolean }>;
}

export interface ClassifiedOccupation extends InferredOccupation {
  /** `title`: the title alone decided; `title+text`: the description chose among the title's
   * readings; `text`: the title named no occupation and the description decided. */
  readonly evidence: 'title' | 'title+text' | 'text';
  /**
   * The next likeliest occupations (at most OTHER_READINGS), each with its weight relative to this
   * one (1): `Administrateur systèmes et réseaux` reads as M1801, M1854 or M1830 almost equally.
   * Empty when the title named one occupation for sure.
   */
  readonly otherReadings: ReadonlyArray<OccupationReading>;
}

export interface OccupationReading {
  readonly codeRome: string;
  readonly label: string;
  readonly weight: number;
}

/** Next readings kept with a classified occupation (tuned with `npm run eval:matching`: 3 > 2 > 0). */
export const OTHER_READINGS = 3;

/**
 * How much each kind of evidence weighs. Tuned on half of the development offers (see
 * `npm run eval:occupations`, which reports the other half separately).
 */
export const CLASSIFIER_WEIGHTS = {
  /** The title's match with a ROME label (0–1). */
  title: 1,
  /** The description's closeness to the occupation, relative to the closest occupation's (0–1). */
  text: 0.45,
  /** Occupations considered from the title and from the text. */
  titleCandidates: 12,
  textCandidates: 12,
  /** Share of a label's weight the title must contain for the label to be one of its readings:
   * lower than the matcher's own threshold (0.5), so `Responsable de laboratoire` still reads as
   * `Responsable de laboratoire d'analyse industrielle` and the description can choose it. */
  titleCoverage: 0.34,
  /** A title matching a label at least this well is taken as it is. */
  sureTitle: 1.01,
};
export type ClassifierWeights = typeof CLASSIFIER_WEIGHTS;

const LABEL_WEIGHT = 3;
const APPELLATION_WEIGHT = 1;
const CORE_SKILL_WEIGHT = 1;
const OTHER_SKILL_WEIGHT = 0.5;

/**
 * The ROME occupation of an offer from its title AND its description. The title proposes readings
 * (OccupationMatcher: its words against every ROME label and job title); the description, as a
 * TF-IDF vector of stems, is compared with each occupation's own words (label, job titles, skills
 * and knowledge), and decides between readings of an ambiguous title (`Assistant`, `Agent de
 * service`) or, when the title names nothing known, names the occupation alone. Deterministic:
 * ties go to the title's order, then to the code.
 */
export class OccupationClassifier {
  private readonly vocabulary = new Map<string, number>();
  private readonly idf: Float64Array;
  /** For each stem, the occupations using it and the (normalised) weight there. */
  private readonly postings: Array<Array<{ occupation: number; weight: number }>>;
  private readonly codes: string[];
  private readonly labels: string[];
  private readonly indexOfCode = new Map<string, number>();
  // Scratch space reused by every call; the classifier is synchronous, so calls never interleave.
  private readonly scratch: Float64Array;

  constructor(
    private readonly matcher: OccupationMatcher,
    occupations: readonly OccupationText[],
    private readonly weights: Readonly<ClassifierWeights> = CLASSIFIER_WEIGHTS,
  ) {
    const sorted = [...occupations].sort((a, b) => (a.codeRome < b.codeRome ? -1 : a.codeRome > b.codeRome ? 1 : 0));
    this.codes = sorted.map((o) => o.codeRome);
    this.labels = sorted.map((o) => o.label);
    sorted.forEach((o, i) => this.indexOfCode.set(o.codeRome, i));
    const bags = sorted.map((o) => {
      const bag = new Map<number, number>();
      const add = (text: string, weight: number): void => {
        for (const stem of new Set(textStems(text))) {
          const id = this.stemId(stem);
          bag.set(id, (bag.get(id) ?? 0) + weight);
        }
      };
      add(o.label, LABEL_WEIGHT);
      for (const appellation of o.appellations) add(appellation, APPELLATION_WEIGHT);
      for (const skill of o.skills) add(skill.label, skill.core ? CORE_SKILL_WEIGHT : OTHER_SKILL_WEIGHT);
      return bag;
    });
    const df = new Float64Array(this.vocabulary.size);
    for (const bag of bags) for (const id of bag.keys()) df[id] += 1;
    this.idf = Float64Array.from(df, (count) => Math.log((sorted.length + 1) / (count + 1)) + 1);
    this.scratch = new Float64Array(sorted.length);
    this.postings = Array.from({ length: this.vocabulary.size }, () => []);
    bags.forEach((bag, occupation) => {
      let norm = 0;
      const weights = [...bag].map(([id, count]) => {
        const weight = (1 + Math.log(count)) * this.idf[id];
        norm += weight * weight;
        return [id, weight] as const;
      });
      norm = Math.sqrt(norm) || 1;
      for (const [id, weight] of weights) this.postings[id].push({ occupation, weight: weight / norm });
    });
  }

  /** Cosine of the text with every occupation that shares a stem with it. */
  textScores(text: string): Map<number, number> {
    const counts = new Map<number, number>();
    for (const stem of textStems(text)) {
      const id = this.vocabulary.get(stem);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    const weighted: Array<[number, number]> = [];
    for (const [id, count] of counts) {
      const weight = (1 + Math.log(count)) * this.idf[id];
      norm += weight * weight;
      weighted.push([id, weight]);
    }
    norm = Math.sqrt(norm) || 1;
    const touched: number[] = [];
    for (const [id, weight] of weighted) {
      const scaled = weight / norm;
      for (const posting of this.postings[id]) {
        if (this.scratch[posting.occupation] === 0) touched.push(posting.occupation);
        this.scratch[posting.occupation] += scaled * posting.weight;
      }
    }
    const scores = new Map<number, number>();
    for (const occupation of touched) {
      scores.set(occupation, this.scratch[occupation]);
      this.scratch[occupation] = 0;
    }
    return scores;
  }

  classify(title: string, description: string | null): ClassifiedOccupation | null {
    const [first, ...others] = this.readings(title, description, 1 + OTHER_READINGS);
    if (!first) return null;
    return {
      ...first.occupation,
      otherReadings: others.map(({ codeRome, label, weight }) => ({ codeRome, label, weight })),
    };
  }

  /**
   * The offer's likeliest occupations, best first, each with its weight relative to the best (1):
   * `classify` is the first. An ambiguous text (`Administrateur systèmes et réseaux`: M1801, M1854,
   * M1830) gives several close readings; the index uses the next ones too, with their weight.
   */
  readings(
    title: string,
    description: string | null,
    limit = 1 + OTHER_READINGS,
  ): Array<OccupationReading & { readonly occupation: Omit<ClassifiedOccupation, 'otherReadings'> }> {
    const ranked = this.rank(title, description, limit);
    const top = ranked[0]?.score ?? 0;
    return ranked.map(({ occupation, score }) => ({
      codeRome: occupation.codeRome,
      label: occupation.label,
      weight: top > 0 ? Math.round((1000 * score) / top) / 1000 : 1,
      occupation,
    }));
  }

  private rank(
    title: string,
    description: string | null,
    limit: number,
  ): Array<{ occupation: Omit<ClassifiedOccupation, 'otherReadings'>; score: number }> {
    const fromTitle = this.matcher.candidates(title, this.weights.titleCandidates, this.weights.titleCoverage);
    const top = fromTitle[0];
    if (top && top.score >= this.weights.sureTitle) return [{ occupation: { ...top, evidence: 'title' }, score: 1 }];
    // The title counts twice: it is what the employer chose to name the job.
    const text = this.textScores(`${title}\n${title}\n${description ?? ''}`);
    let maxText = 0;
    for (const score of text.values()) maxText = Math.max(maxText, score);
    const relative = (code: string): number => {
      const index = this.indexOfCode.get(code);
      return index === undefined || maxText === 0 ? 0 : (text.get(index) ?? 0) / maxText;
    };

    const considered: Array<{ candidate: InferredOccupation; score: number; order: number }> = [];
    const consider = (candidate: InferredOccupation, titleScore: number, order: number): void => {
      const score = this.weights.title * titleScore + this.weights.text * relative(candidate.codeRome);
      considered.push({ candidate, score, order });
    };
    fromTitle.forEach((candidate, order) => consider(candidate, candidate.score, order));
    const titled = new Set(fromTitle.map((candidate) => candidate.codeRome));
    const byText = [...text.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.weights.textCandidates);
    byText.forEach(([index], order) => {
      const code = this.codes[index];
      if (titled.has(code)) return;
      consider({ codeRome: code, label: this.labels[index], score: 0 }, 0, fromTitle.length + order);
    });
    // Best first; equal scores (within rounding) in the title's order, then the text's.
    considered.sort((a, b) => (Math.abs(a.score - b.score) <= 1e-9 ? a.order - b.order : b.score - a.score));
    return considered.slice(0, limit).map(({ candidate, score }) => ({
      occupation: {
        ...candidate,
        evidence: candidate.score === 0 ? 'text' : fromTitle.length > 1 ? 'title+text' : 'title',
      },
      score,
    }));
  }

  private stemId(stem: string): number {
    let id = this.vocabulary.get(stem);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(stem, id);
    }
    return id;
  }
}
