import { Injectable } from '@nestjs/common';
import { TEXT_SKILLS } from '@passerelle/offers';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { SkillSpace } from '../domain/skill-space.js';

export const SKILL_DIMENSIONS = 64;
/**
 * An offer whose occupation was read from its text (no code from its source) also carries, in its
 * vector only, the skills of its next likeliest occupations, scaled by their weight relative to the
 * first reading and by this factor: `Administrateur systèmes et réseaux` reads as M1801, M1854 or
 * M1830 almost equally. The required skills stay the first reading's. Tuned with `npm run
 * eval:matching` (untagged nDCG@10: 0.683 without, 0.690 with two readings at 0.5).
 */
export const OTHER_READINGS_FACTOR = 0.5;

export interface OfferSkills {
  /** Skills of the offer: its occupation's (core first) and those its text names. */
  readonly skillIds: string[];
  readonly coreSkillIds: string[];
  /** Skills the offer's description asks for (read from its text). */
  readonly textSkillIds: string[];
  readonly vector: number[] | null;
}

/**
 * The referential's skills as the matcher uses them: the skill space (built once per process, a
 * few seconds), the skills of each occupation, and skill labels to ids.
 */
/** One skill of an occupation, as the matcher reads it. */
export interface OccupationSkillRef {
  readonly code: string;
  readonly label: string;
  readonly core: boolean;
}

@Injectable()
export class SkillModel {
  private built: Promise<Model> | undefined;
  private builtFor = -1;

  constructor(readonly referential: ReferentialIndex) {}

  private model(): Promise<Model> {
    // Rebuilt when the referential was re-imported (an empty database seeded after start, a refresh).
    if (this.builtFor !== this.referential.version) {
      this.built = undefined;
      this.builtFor = this.referential.version;
    }
    this.built ??= (async () => {
      await this.referential.load();
      const byLabel = new Map<string, string>();
      const occupations = this.referential.occupationCodes().map((code) => ({
        code,
        skills: this.occupationSkills(code).map((skill) => {
          byLabel.set(foldText(skill.label), skill.code);
          return { id: skill.code, core: skill.core };
        }),
      }));
      return { space: SkillSpace.build(occupations, SKILL_DIMENSIONS), byLabel, labelIds: new Map() };
    })();
    return this.built;
  }

  async space(): Promise<SkillSpace> {
    return (await this.model()).space;
  }

  /**
   * Savoir-faire and savoir-être of an occupation (work contexts are not skills). Read for every
   * offer indexed and every person scored: kept per occupation until the referential changes.
   */
  occupationSkills(codeRome: string): ReadonlyArray<OccupationSkillRef> {
    if (this.skillsFor !== this.referential.version) {
      this.skillsByOccupation.clear();
      this.skillsFor = this.referential.version;
    }
    let skills = this.skillsByOccupation.get(codeRome);
    if (!skills) {
      skills = Object.freeze(
        this.referential
          .skillsOfOccupation(codeRome)
          .filter((skill) => skill.kind !== 'contexte_travail')
          .map((skill) => Object.freeze({ code: skill.code, label: skill.label, core: skill.core })),
      );
      this.skillsByOccupation.set(codeRome, skills);
    }
    return skills;
  }

  private readonly skillsByOccupation = new Map<string, ReadonlyArray<OccupationSkillRef>>();
  private skillsFor = -1;

  async skillIdsOfLabels(labels: readonly string[]): Promise<string[]> {
    const { byLabel } = await this.model();
    return labels.map((label) => byLabel.get(foldText(label))).filter((id): id is string => id !== undefined);
  }

  /**
   * The occupation's skills as an offer's weights start (core 1, others 0.5, in the occupation's
   * order) and its core skills: the same for every offer of the occupation, kept with its skills.
   */
  private occupationWeights(codeRome: string): OccupationWeights {
    const skills = this.occupationSkills(codeRome);
    let found = this.weightsByOccupation.get(skills);
    if (!found) {
      const positions = new Map<string, number>();
      const ids: string[] = [];
      const weights: number[] = [];
      for (const skill of skills) {
        const weight = skill.core ? 1 : 0.5;
        const at = positions.get(skill.code);
        if (at === undefined) {
          positions.set(skill.code, ids.length);
          ids.push(skill.code);
          weights.push(weight);
        } else weights[at] = Math.max(weights[at], weight);
      }
      const core = new Set(skills.filter((skill) => skill.core).map((skill) => skill.code));
      found = { skills, ids, weights, positions, core, coreIds: [...core] };
      this.weightsByOccupation.set(skills, found);
    }
    return found;
  }

  private readonly weightsByOccupation = new WeakMap<ReadonlyArray<OccupationSkillRef>, OccupationWeights>();

  /**
   * An offer's skills: its occupation's (core ones required), those its source listed by label, and
   * those its description asks for (SkillExtractor, the occupation's own skills looked for closely).
   * What the text asks for is required too: the employer wrote it. `description` is either the text
   * (read here) or the skills read from it when the offer was written (`text_skill_ids`).
   */
  async offerSkills(
    romeCode: string | null,
    labels: readonly string[],
    description: string | { readonly skillIds: readonly string[] } = '',
    otherReadings: ReadonlyArray<{ readonly codeRome: string; readonly weight: number }> = [],
  ): Promise<OfferSkills> {
    return (await this.offerSkillsReader())(romeCode, labels, description, otherReadings);
  }

  /**
   * `offerSkills` once the model is built: indexing reads thousands of offers a page, and awaiting the
   * model for each cost a promise chain per offer.
   */
  async offerSkillsReader(): Promise<OfferSkillsReader> {
    const model = await this.model();
    return (romeCode, labels, description = '', otherReadings = []) =>
      this.readOfferSkills(model, romeCode, labels, description, otherReadings);
  }

  private readOfferSkills(
    { space, byLabel, labelIds }: Model,
    romeCode: string | null,
    labels: readonly string[],
    description: string | { readonly skillIds: readonly string[] },
    otherReadings: ReadonlyArray<{ readonly codeRome: string; readonly weight: number }>,
  ): OfferSkills {
    const occupation = romeCode ? this.occupationWeights(romeCode) : undefined;
    const fromLabels: string[] = [];
    for (const label of labels) {
      // Sources repeat the same labels offer after offer: each is folded once.
      let id = labelIds.get(label);
      if (id === undefined) {
        if (labelIds.size >= MAX_KEPT_LABELS) labelIds.clear();
        id = byLabel.get(foldText(label)) ?? null;
        labelIds.set(label, id);
      }
      if (id !== null) fromLabels.push(id);
    }
    const read =
      typeof description === 'string'
        ? description
          ? this.referential.extractSkills(description, romeCode, TEXT_SKILLS)
          : []
        : description.skillIds;
    const fromText = read.filter((id) => space.has(id));
    // Listed or read from the text, each once, in that order.
    const asked: string[] = [];
    for (const ids of [fromLabels, fromText]) for (const id of ids) if (!asked.includes(id)) asked.push(id);
    // Each skill once, in the order its weight was first set: the other readings' skills, then the
    // occupation's, then those asked for; each weight the highest given (the vector sums them in
    // that order).
    let ids: string[];
    let weights: number[];
    if (otherReadings.some((reading) => reading.codeRome !== romeCode)) {
      const byId = new Map<string, number>();
      for (const reading of otherReadings) {
        if (reading.codeRome === romeCode) continue;
        const scale = OTHER_READINGS_FACTOR * reading.weight;
        for (const skill of this.occupationSkills(reading.codeRome))
          byId.set(skill.code, Math.max(byId.get(skill.code) ?? 0, (skill.core ? 1 : 0.5) * scale));
      }
      for (const skill of occupation?.skills ?? [])
        byId.set(skill.code, Math.max(byId.get(skill.code) ?? 0, skill.core ? 1 : 0.5));
      for (const id of asked) byId.set(id, Math.max(byId.get(id) ?? 0, 1));
      ids = [...byId.keys()];
      weights = [...byId.values()];
    } else {
      // The occupation's weights as they are kept, copied, and those asked for set on them.
      ids = occupation ? occupation.ids.slice() : [];
      weights = occupation ? occupation.weights.slice() : [];
      for (const id of asked) {
        const at = occupation?.positions.get(id);
        if (at === undefined) {
          ids.push(id);
          weights.push(1);
        } else weights[at] = Math.max(weights[at], 1);
      }
    }
    const core = occupation?.core ?? NO_SKILLS;
    const coreSkillIds = occupation ? occupation.coreIds.slice() : [];
    for (const id of asked) if (!core.has(id)) coreSkillIds.push(id);
    return { skillIds: ids, coreSkillIds, textSkillIds: fromText, vector: space.embedLists(ids, weights) };
  }
}

/** `SkillModel.offerSkills` without its wait for the model. */
export type OfferSkillsReader = (
  romeCode: string | null,
  labels: readonly string[],
  description?: string | { readonly skillIds: readonly string[] },
  otherReadings?: ReadonlyArray<{ readonly codeRome: string; readonly weight: number }>,
) => OfferSkills;

interface Model {
  readonly space: SkillSpace;
  readonly byLabel: Map<string, string>;
  /** Skill labels as sources write them, to their id (null: no skill of that label). */
  readonly labelIds: Map<string, string | null>;
}

interface OccupationWeights {
  readonly skills: ReadonlyArray<OccupationSkillRef>;
  /** Each skill once, in the occupation's order, with its weight. */
  readonly ids: readonly string[];
  readonly weights: readonly number[];
  /** Position of each skill in `ids`. */
  readonly positions: ReadonlyMap<string, number>;
  readonly core: ReadonlySet<string>;
  readonly coreIds: readonly string[];
}

const NO_SKILLS: ReadonlySet<string> = new Set();
/** Distinct source labels kept folded at most (a source's own vocabulary is a few thousand). */
const MAX_KEPT_LABELS = 50_000;
