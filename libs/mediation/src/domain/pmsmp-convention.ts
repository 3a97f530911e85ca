import type { ErrorDetail } from '@passerelle/core';
import type { IntroductionStatus } from './introduction.js';

/**
 * The PMSMP convention (période de mise en situation en milieu professionnel) of an introduction:
 * a work trial of at most one month, signed by the person, the employer and the prescribing
 * structure before it starts. Prepared at the interview or trial stage; once a party has signed,
 * its terms are frozen (withdraw the signatures to change them).
 */
export const PMSMP_OBJECTIVES = ['discover_occupation', 'confirm_project', 'start_recruitment'] as const;
export type PmsmpObjective = (typeof PMSMP_OBJECTIVES)[number];

/** The legal form's three objectives, as the document prints them. */
export const PMSMP_OBJECTIVE_LABELS: Readonly<Record<PmsmpObjective, string>> = {
  discover_occupation: 'Découvrir un métier ou un secteur d’activité',
  confirm_project: 'Confirmer un projet professionnel',
  start_recruitment: 'Initier une démarche de recrutement',
};

export const PMSMP_PARTIES = ['person', 'employer', 'prescriber'] as const;
export type PmsmpParty = (typeof PMSMP_PARTIES)[number];

export const PMSMP_STATUSES = ['draft', 'signing', 'signed'] as const;
export type PmsmpStatus = (typeof PMSMP_STATUSES)[number];

/** The introduction steps at which a convention is prepared or changed. */
export const PMSMP_STAGES: readonly IntroductionStatus[] = ['interview', 'trial'];

export const PMSMP_MAX_WEEKLY_HOURS = 48;
export const PMSMP_MAX_TASKS = 20;
export const PMSMP_TEXT_MAX = 300;

export interface PmsmpTerms {
  readonly startDate: string;
  readonly endDate: string;
  readonly weeklyHours: number;
  readonly schedule: string;
  readonly workplace: string;
  readonly tasks: readonly string[];
  readonly skillsToObserve: readonly string[];
  readonly objective: PmsmpObjective;
  readonly tutorName: string;
  readonly tutorRole: string | null;
  readonly tutorPhone: string | null;
  readonly tutorEmail: string | null;
}

export type PmsmpSignatures = Readonly<Record<PmsmpParty, string | null>>;

/** The last day a period starting on `start` may last to: one month, the day before the same date. */
export function lastAllowedDay(start: string): string {
  const [year, month, day] = start.split('-').map(Number);
  const sameDayNextMonth = new Date(Date.UTC(year, month, 1));
  const daysInNextMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  sameDayNextMonth.setUTCDate(Math.min(day, daysInNextMonth));
  sameDayNextMonth.setUTCDate(sameDayNextMonth.getUTCDate() - 1);
  return sameDayNextMonth.toISOString().slice(0, 10);
}

/** Dates in order within one month, 1–48 hours a week, at least one task, a tutor, texts not blank. */
export function pmsmpTermsProblems(terms: PmsmpTerms): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (terms.endDate < terms.startDate) problems.push({ field: 'endDate', reason: 'must not be before startDate' });
  else if (terms.endDate > lastAllowedDay(terms.startDate))
    problems.push({
      field: 'endDate',
      reason: `a PMSMP lasts at most one month (until ${lastAllowedDay(terms.startDate)})`,
    });
  if (!(terms.weeklyHours > 0 && terms.weeklyHours <= PMSMP_MAX_WEEKLY_HOURS))
    problems.push({ field: 'weeklyHours', reason: `between 0 and ${PMSMP_MAX_WEEKLY_HOURS} hours a week` });
  if (terms.tasks.length === 0) problems.push({ field: 'tasks', reason: 'at least one task' });
  terms.tasks.forEach((task, index) => {
    if (task.trim() === '') problems.push({ field: `tasks.${index}`, reason: 'must not be blank' });
  });
  terms.skillsToObserve.forEach((skill, index) => {
    if (skill.trim() === '') problems.push({ field: `skillsToObserve.${index}`, reason: 'must not be blank' });
  });
  for (const field of ['schedule', 'workplace', 'tutorName'] as const)
    if (terms[field].trim() === '') problems.push({ field, reason: 'must not be blank' });
  return problems;
}

/** draft: nobody signed; signing: some did; signed: all three. */
export function pmsmpStatus(signatures: PmsmpSignatures): PmsmpStatus {
  const signed = PMSMP_PARTIES.filter((party) => signatures[party] !== null).length;
  return signed === 0 ? 'draft' : signed === PMSMP_PARTIES.length ? 'signed' : 'signing';
}

/** A signature is dated, not in the future, and not after the trial's end. */
export function signatureProblems(
  terms: Pick<PmsmpTerms, 'endDate'>,
  signedOn: string | null,
  today: string,
): ErrorDetail[] {
  if (signedOn === null) return [];
  if (signedOn > today) return [{ field: 'signedOn', reason: 'must not be in the future' }];
  if (signedOn > terms.endDate) return [{ field: 'signedOn', reason: 'after the end of the PMSMP' }];
  return [];
}
