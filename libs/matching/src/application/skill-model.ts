import { Injectable } from '@nestjs/common';
import { TEXT_SKILLS } from '@passerelle/offers';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { SkillSpace, type WeightedSkill } from '../domain/skill-space.js';

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
  private built: Promise<{ space: SkillSpace; byLabel: Map<string, string> }> | undefined;
  private builtFor = -1;

  constructor(readonly referential: ReferentialIndex) {}

  private model(): Promise<{ space: SkillSpace; byLabel: Map<string, string> }> {
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
      return { space: SkillSpace.build(occupations, SKILL_DIMENSIONS), byLabel };
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
    const { space } = await this.model();
    const fromOccupation = romeCode ? this.occupationSkills(romeCode) : [];
    const fromLabels = await this.skillIdsOfLabels(labels);
    const read =
      typeof description === 'string'
        ? description
          ? this.referential.extractSkills(description, romeCode, TEXT_SKILLS)
          : []
        : description.skillIds;
    const fromText = read.filter((id) => space.has(id));
    const weights = new Map<string, number>();
    for (const reading of otherReadings) {
      if (reading.codeRome === romeCode) continue;
      const scale = OTHER_READINGS_FACTOR * reading.weight;
      for (const skill of this.occupationSkills(reading.codeRome))
        weights.set(skill.code, Math.max(weights.get(skill.code) ?? 0, (skill.core ? 1 : 0.5) * scale));
    }
    for (const skill of fromOccupation)
      weights.set(skill.code, Math.max(weights.get(skill.code) ?? 0, skill.core ? 1 : 0.5));
    for (const id of [...fromLabels, ...fromText]) weights.set(id, Math.max(weights.get(id) ?? 0, 1));
    const weighted: WeightedSkill[] = [...weights.entries()].map(([id, weight]) => ({ id, weight }));
    const core = new Set(fromOccupation.filter((skill) => skill.core).map((skill) => skill.code));
    return {
      skillIds: [...weights.keys()],
      coreSkillIds: [...core, ...[...new Set([...fromLabels, ...fromText])].filter((id) => !core.has(id))],
      textSkillIds: fromText,
      vector: space.embed(weighted),
    };
  }
}
