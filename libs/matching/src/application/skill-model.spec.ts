import { describe, expect, it } from '@jest/globals';
import type { ReferentialIndex } from '@passerelle/referential';
import { OTHER_READINGS_FACTOR, type OfferSkills, SkillModel } from './skill-model.js';

interface Skill {
  readonly code: string;
  readonly label: string;
  readonly kind: string;
  readonly core: boolean;
}

const skill = (code: string, label: string, core: boolean, kind = 'savoir_faire'): Skill => ({
  code,
  label,
  kind,
  core,
});

const OCCUPATIONS: Record<string, Skill[]> = {
  N1103: [
    skill('orders', 'Préparer des commandes', true),
    skill('forklift', 'Conduire un chariot élévateur', true),
    skill('stock', 'Gérer un stock', false),
    skill('cold', 'Travailler au froid', false, 'contexte_travail'),
  ],
  N1101: [
    skill('forklift', 'Conduire un chariot élévateur', false),
    skill('stock', 'Gérer un stock', true),
    skill('safety', 'Appliquer les règles de sécurité', false),
  ],
  K2204: [
    skill('clean', 'Nettoyer des locaux', true),
    skill('products', 'Doser des produits', false),
    skill('safety', 'Appliquer les règles de sécurité', true),
  ],
};

/** The referential as the skill model reads it: occupations' skills, and skills read from a text. */
class FakeReferential {
  version = 1;
  occupations = OCCUPATIONS;

  async load(): Promise<void> {}

  occupationCodes(): string[] {
    return Object.keys(this.occupations);
  }

  skillsOfOccupation(code: string): Skill[] {
    return this.occupations[code] ?? [];
  }

  extractSkills(text: string): string[] {
    return text.includes('chariot') ? ['forklift', 'unknown'] : [];
  }
}

function modelOf(referential: FakeReferential): SkillModel {
  // The skill model reads only the members FakeReferential has.
  return new SkillModel(referential as unknown as ReferentialIndex);
}

/**
 * What an offer's skills are by definition: the other readings' skills scaled, then the
 * occupation's, then the listed and read ones, each weight the highest given; the vector of those
 * weights in that order.
 */
async function bySpecification(
  model: SkillModel,
  referential: FakeReferential,
  romeCode: string | null,
  labels: readonly string[],
  read: readonly string[],
  otherReadings: ReadonlyArray<{ codeRome: string; weight: number }> = [],
): Promise<OfferSkills> {
  const space = await model.space();
  const skillsOf = (code: string): Skill[] =>
    referential.skillsOfOccupation(code).filter((one) => one.kind !== 'contexte_travail');
  const fromOccupation = romeCode ? skillsOf(romeCode) : [];
  const fromLabels = await model.skillIdsOfLabels(labels);
  const fromText = read.filter((id) => space.has(id));
  const weights = new Map<string, number>();
  for (const reading of otherReadings) {
    if (reading.codeRome === romeCode) continue;
    for (const one of skillsOf(reading.codeRome))
      weights.set(
        one.code,
        Math.max(weights.get(one.code) ?? 0, (one.core ? 1 : 0.5) * OTHER_READINGS_FACTOR * reading.weight),
      );
  }
  for (const one of fromOccupation) weights.set(one.code, Math.max(weights.get(one.code) ?? 0, one.core ? 1 : 0.5));
  for (const id of [...fromLabels, ...fromText]) weights.set(id, Math.max(weights.get(id) ?? 0, 1));
  const core = new Set(fromOccupation.filter((one) => one.core).map((one) => one.code));
  return {
    skillIds: [...weights.keys()],
    coreSkillIds: [...core, ...[...new Set([...fromLabels, ...fromText])].filter((id) => !core.has(id))],
    textSkillIds: fromText,
    vector: space.embed([...weights].map(([id, weight]) => ({ id, weight }))),
  };
}

describe('SkillModel.offerSkills', () => {
  it('gives the skills, core skills and vector the definition gives, for coded and read offers', async () => {
    const referential = new FakeReferential();
    const model = modelOf(referential);
    const cases: Array<[string | null, string[], readonly string[], Array<{ codeRome: string; weight: number }>]> = [
      ['N1103', [], [], []],
      // A listed label the occupation has as a non-core skill, one it lacks, one no skill has.
      ['N1103', ['Gérer un STOCK', 'Nettoyer des locaux', 'Chanter'], ['safety', 'stock', 'nowhere'], []],
      ['K2204', ['Nettoyer des locaux'], ['clean'], [{ codeRome: 'K2204', weight: 1 }]],
      // An occupation read from the text: its next readings count in the vector.
      [
        'N1103',
        ['Doser des produits'],
        ['products'],
        [
          { codeRome: 'N1101', weight: 0.9 },
          { codeRome: 'K2204', weight: 0.4 },
        ],
      ],
      [null, ['Conduire un chariot élévateur'], [], []],
      ['X0000', [], [], []],
    ];
    for (const [romeCode, labels, read, others] of cases) {
      const expected = await bySpecification(model, referential, romeCode, labels, read, others);
      expect(await model.offerSkills(romeCode, labels, { skillIds: read }, others)).toEqual(expected);
      // Asked again, from what it keeps per occupation and label.
      expect(await model.offerSkills(romeCode, labels, { skillIds: read }, others)).toEqual(expected);
    }
  });

  it('reads the skills from the description when none were read at writing', async () => {
    const referential = new FakeReferential();
    const model = modelOf(referential);
    const skills = await model.offerSkills('N1101', [], 'Conduite de chariot en entrepôt');
    expect(skills.textSkillIds).toEqual(['forklift']);
    expect(skills.coreSkillIds).toEqual(['stock', 'forklift']);
  });

  it('reads labels and occupations again once the referential was re-imported', async () => {
    const referential = new FakeReferential();
    const model = modelOf(referential);
    const reader = await model.offerSkillsReader();
    expect(reader('K2204', ['Doser des produits']).coreSkillIds).toEqual(['clean', 'safety', 'products']);
    referential.occupations = {
      ...OCCUPATIONS,
      K2204: [skill('clean', 'Nettoyer des locaux', true), skill('dose', 'Doser des produits', true)],
    };
    referential.version = 2;
    const again = await model.offerSkills('K2204', ['Doser des produits']);
    expect(again.coreSkillIds).toEqual(['clean', 'dose']);
    expect(again).toEqual(await bySpecification(model, referential, 'K2204', ['Doser des produits'], []));
  });
});
