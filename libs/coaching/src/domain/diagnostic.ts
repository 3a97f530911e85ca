import type { ErrorDetail } from '@passerelle/core';
import type { MatchContractType, MatchingProfile, ScheduleConstraint } from '@passerelle/matching';
import type { DIGITAL_AUTONOMY, EXPERIENCE_EMPLOYER_KINDS, LANGUAGE_LEVELS, SKILL_EVIDENCE } from './coaching.js';

export interface Experience {
  readonly romeCode?: string;
  readonly jobTitle?: string;
  readonly employerKind?: (typeof EXPERIENCE_EMPLOYER_KINDS)[number];
  readonly months: number;
  readonly startedOn?: string;
  readonly endedOn?: string;
}

export interface EvidencedSkill {
  readonly code: string;
  /** How the skill is known: said by the person, seen by the coach, at work, during a PMSMP, certified. */
  readonly evidence: (typeof SKILL_EVIDENCE)[number];
}

/** What the coach learns about the person: where they come from, what they can and want to do. */
export interface Diagnostic {
  readonly experiences: readonly Experience[];
  readonly skills: readonly EvidencedSkill[];
  /** ROME codes of the occupations the person wants. */
  readonly desiredOccupations: readonly string[];
  readonly drivingLicence: boolean;
  readonly vehicle: boolean;
  readonly maxDistanceKm: number;
  readonly contractTypes: readonly MatchContractType[];
  readonly workingTime: 'full_time' | 'part_time' | 'any';
  readonly constraints: readonly ScheduleConstraint[];
  readonly availabilityDate: string | null;
  readonly digitalAutonomy: (typeof DIGITAL_AUTONOMY)[number] | null;
  readonly languages: ReadonlyArray<{ readonly code: string; readonly level: (typeof LANGUAGE_LEVELS)[number] }>;
  /** Certificates and habilitations as written (`CACES R489 cat. 3`, `SST`): they prove offer skills. */
  readonly certificates: readonly string[];
}

export interface DiagnosticLookups {
  isOccupation(code: string): boolean;
  isSkill(code: string): boolean;
}

/** Rules class-validator cannot check: codes known to the referential, dates in order. */
export function diagnosticProblems(diagnostic: Diagnostic, lookups: DiagnosticLookups): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  diagnostic.experiences.forEach((experience, i) => {
    if (!experience.romeCode && !experience.jobTitle)
      problems.push({ field: `experiences.${i}`, reason: 'give a ROME code or a job title' });
    if (experience.romeCode && !lookups.isOccupation(experience.romeCode))
      problems.push({ field: `experiences.${i}.romeCode`, reason: 'unknown ROME code' });
    if (experience.startedOn && experience.endedOn && experience.endedOn < experience.startedOn)
      problems.push({ field: `experiences.${i}.endedOn`, reason: 'must not be before startedOn' });
  });
  diagnostic.skills.forEach((skill, i) => {
    if (!lookups.isSkill(skill.code)) problems.push({ field: `skills.${i}.code`, reason: 'unknown skill code' });
  });
  diagnostic.desiredOccupations.forEach((code, i) => {
    if (!lookups.isOccupation(code)) problems.push({ field: `desiredOccupations.${i}`, reason: 'unknown ROME code' });
  });
  return problems;
}

/**
 * The matching profile of a stored person: their experiences (with when they ended: recent ones
 * count more), evidenced skills, home commune and the limits of the diagnostic. Desired occupations
 * do not enter the skill profile (they are wishes, not skills): they go as targets, which rank and
 * explain as the person's project.
 */
export function matchingProfileOf(diagnostic: Diagnostic, communeInsee: string): MatchingProfile {
  return {
    experiences: diagnostic.experiences.map((experience) => ({
      ...(experience.romeCode ? { romeCode: experience.romeCode } : { jobTitle: experience.jobTitle }),
      months: experience.months,
      ...(experience.endedOn ? { endedOn: experience.endedOn } : {}),
    })),
    skills: [...new Set(diagnostic.skills.map((skill) => skill.code))],
    targetOccupations: [...new Set(diagnostic.desiredOccupations)],
    commune: { inseeCode: communeInsee },
    maxDistanceKm: diagnostic.maxDistanceKm,
    drivingLicence: diagnostic.drivingLicence,
    contractTypes: diagnostic.contractTypes,
    workingTime: diagnostic.workingTime,
    constraints: diagnostic.constraints,
    certificates: [...diagnostic.certificates],
  };
}

/**
 * French labels of the occupations and skills a diagnostic names (code → label), for readers of the
 * file; codes the referential no longer has are left out.
 */
export function diagnosticLabels(
  diagnostic: Diagnostic | null,
  labelOf: { occupation(code: string): string | undefined; skill(code: string): string | undefined },
): Record<string, string> {
  if (!diagnostic) return {};
  const labels: Record<string, string> = {};
  const occupations = [
    ...diagnostic.desiredOccupations,
    ...diagnostic.experiences.flatMap((experience) => (experience.romeCode ? [experience.romeCode] : [])),
  ];
  for (const code of occupations) {
    const label = labelOf.occupation(code);
    if (label) labels[code] = label;
  }
  for (const { code } of diagnostic.skills) {
    const label = labelOf.skill(code);
    if (label) labels[code] = label;
  }
  return labels;
}
