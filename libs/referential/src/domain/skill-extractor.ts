import { textStems } from './french-text.js';

export interface ExtractableSkill {
  readonly code: string;
  readonly label: string;
}

/** A one-word label is found only when its word is this rare among labels (`Anglais`, `Excel`). */
const SINGLE_WORD_MAX_LABELS = 4;
/** Share of an expected skill's words (weighted by rarity) the text must contain. */
const EXPECTED_SKILL_SHARE = 0.6;

/**
 * Words of ROME skill labels that say how, not what (`Réaliser`, `Utiliser`, `selon les règles`):
 * a label is found without them. Folded stems cut like keys.
 */
const GENERIC_KEYS = new Set(
  [
    'réaliser effectuer utiliser mettre œuvre faire preuve assurer procéder appliquer respecter',
    'règles normes consignes sécurité travail activité activités type types ensemble fonction différents',
    'technique techniques notions base bases méthode méthodes outil outils',
  ]
    .join(' ')
    .split(' ')
    .map((word) => keyOf(word)),
);

function keyOf(word: string): string {
  return textStems(word)[0] ?? word;
}

/** The content keys of a text, in order of first appearance. */
export function skillKeys(text: string): string[] {
  return [...new Set(textStems(text))].filter((key) => !GENERIC_KEYS.has(key));
}

/** Sentences, list items, lines: a skill's words must meet in one of them. */
function passages(text: string): string[] {
  return text.split(/[\n\r.;:!?•·●▪◦*]+|\s[-–—]\s|\s-(?=\p{Lu})/u).filter((part) => part.trim() !== '');
}

/**
 * The ROME skills and knowledge (savoir-faire, savoirs) an offer's free text asks for: a skill is
 * found when every content word of its label (French word forms folded, see `skillKeys`) appears
 * in one sentence or list item of the text. Labels of one or two words must be met whole; longer
 * labels may miss one word in four (`Conduire un chariot élévateur en respectant...` is met by
 * `conduite de chariots élévateurs`). Deterministic: results in the order of the skill list.
 */
export class SkillExtractor {
  private readonly keys: string[][];
  /** How many labels use each key (its rarity). */
  private readonly labelsOfKey = new Map<string, number>();
  /**
   * Each findable label under its rarest key only: a text's keys then visit a few labels each
   * instead of every label of a common word (`gestion` is in hundreds), and the label's other keys
   * are checked against the text's passages.
   */
  private readonly byAnchor = new Map<string, number[]>();
  private readonly indexOfCode = new Map<string, number>();
  private readonly idfOfKey = new Map<string, number>();

  constructor(private readonly skills: readonly ExtractableSkill[]) {
    skills.forEach((skill, index) => this.indexOfCode.set(skill.code, index));
    const keys = skills.map((skill) => skillKeys(skill.label));
    for (const labelKeys of keys)
      for (const key of labelKeys) this.labelsOfKey.set(key, (this.labelsOfKey.get(key) ?? 0) + 1);
    // A common word alone (`Traitement`, `Gestion`) names no skill.
    this.keys = keys.map((labelKeys) =>
      labelKeys.length === 1 && (this.labelsOfKey.get(labelKeys[0]) ?? 0) > SINGLE_WORD_MAX_LABELS ? [] : labelKeys,
    );
    this.keys.forEach((labelKeys, index) => {
      if (labelKeys.length === 0) return;
      let anchor = labelKeys[0];
      for (const key of labelKeys)
        if ((this.labelsOfKey.get(key) ?? 0) < (this.labelsOfKey.get(anchor) ?? 0)) anchor = key;
      const list = this.byAnchor.get(anchor);
      if (list) list.push(index);
      else this.byAnchor.set(anchor, [index]);
    });
    for (const [key, count] of this.labelsOfKey) this.idfOfKey.set(key, Math.log((skills.length + 1) / (count + 1)));
  }

  /**
   * Codes of the skills the text names, at most `limit`. Skills of the offer's occupation
   * (`expected`) are found when most of their specific words (weighted by rarity) appear anywhere
   * in the text, and come first (they are the likelier reading); any other skill only when all the
   * words of its label meet in one sentence or list item (a one-word label only when rare).
   */
  extract(text: string, expected: ReadonlySet<string> = new Set(), limit = 30): string[] {
    // For each key of the text, the passages (sentences, list items) it appears in, in order.
    const passagesOfKey = new Map<string, number[]>();
    passages(text).forEach((passage, at) => {
      for (const key of skillKeys(passage)) {
        const list = passagesOfKey.get(key);
        if (!list) passagesOfKey.set(key, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    });
    const found = new Map<number, number>();
    for (const [key, anchored] of passagesOfKey) {
      for (const index of this.byAnchor.get(key) ?? []) {
        if (this.metInOnePassage(this.keys[index], anchored, passagesOfKey)) {
          found.set(index, 1 + this.keys[index].length / 10);
        }
      }
    }
    for (const code of expected) {
      const index = this.indexOfCode.get(code);
      if (index === undefined || this.keys[index].length === 0) continue;
      let total = 0;
      let met = 0;
      for (const key of this.keys[index]) {
        const weight = this.idfOfKey.get(key) ?? 0;
        total += weight;
        if (passagesOfKey.has(key)) met += weight;
      }
      const share = total > 0 ? met / total : 0;
      if (share >= EXPECTED_SKILL_SHARE) found.set(index, 2 + share);
    }
    return [...found.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([index]) => this.skills[index].code);
  }

  /** Whether every key of a label appears in one passage that also holds its anchor. */
  private metInOnePassage(
    keys: readonly string[],
    anchorPassages: readonly number[],
    passagesOfKey: ReadonlyMap<string, readonly number[]>,
  ): boolean {
    const lists: Array<readonly number[]> = [];
    for (const key of keys) {
      const list = passagesOfKey.get(key);
      if (!list) return false;
      if (list !== anchorPassages) lists.push(list);
    }
    return anchorPassages.some((passage) => lists.every((list) => list.includes(passage)));
  }

  /**
   * Whether a skill the person has (by its label) covers one an offer asks for: the specific words
   * of the person's skill all appear in the offer's (`Utilisation de chariot élévateur` covers
   * `Conduire un chariot élévateur en respectant les normes de sécurité`).
   */
  static covers(personSkill: string, offerSkill: string): boolean {
    const have = skillKeys(personSkill);
    if (have.length === 0) return false;
    const wanted = new Set(skillKeys(offerSkill));
    const met = have.filter((key) => wanted.has(key)).length;
    return met === have.length || (have.length >= 3 && met >= have.length - 1 && met >= 2);
  }
}

/** Whether a skill or certificate phrase a person has covers an offer skill's label (see SkillExtractor.covers). */
export function labelCovers(personSkill: string, offerSkill: string): boolean {
  return SkillExtractor.covers(personSkill, offerSkill);
}
