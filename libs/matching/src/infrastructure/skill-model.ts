import { Injectable } from '@nestjs/common';
import { foldText, ReferentialIndex } from '@passerelle/referential';
import { SkillSpace, type WeightedSkill } from '../domain/skill-space.js';

export const SKILL_DIMENSIONS = 64;
/** Skills read from one offer's description, at most. */
const TEXT_SKILLS = 12;

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

  /** Savoir-faire and savoir-être of an occupation (work contexts are not skills). */
  occupationSkills(codeRome: string): Array<{ code: string; label: string; core: boolean }> {
    return this.referential
      .skillsOfOccupation(codeRome)
      .filter((skill) => skill.kind !== 'contexte_travail')
      .map((skill) => ({ code: skill.code, label: skill.label, core: skill.core }));
  }

  async skillIdsOfLabels(labels: readonly string[]): Promise<string[]> {
    const { byLabel } = await this.model();
    return labels.map((label) => byLabel.get(foldText(label))).filter((id): id is string => id !== undefined);
  }

  /**
   * An offer's skills: its occupation's (core ones required), those its source listed by label, and
   * those its description asks for (SkillExtractor, the occupation's own skills looked for closely).
   * What the text asks for is required too: the employer wrote it.
   */
  async offerSkills(romeCode: string | null, labels: readonly string[], description = ''): Promise<OfferSkills> {
    const { space } = await this.model();
    const fromOccupation = romeCode ? this.occupationSkills(romeCode) : [];
    const fromLabels = await this.skillIdsOfLabels(labels);
    const fromText = description
      ? this.referential.extractSkills(description, romeCode, TEXT_SKILLS).filter((id) => space.has(id))
      : [];
    const weights = new Map<string, number>();
    for (const skill of fromOccupation) weights.set(skill.code, skill.core ? 1 : 0.5);
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
