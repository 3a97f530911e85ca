/**
 * The coaching vocabulary and the rules that need no database: stages, alerts, CER dates.
 * Dates without a time (orientation, contacts, CER) are ISO `YYYY-MM-DD` strings in Paris time.
 */

export const COACHING_STATUSES = ['oriented', 'in_coaching', 'ended', 'reoriented'] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];
/** The statuses of a person still followed: they count in the coach's portfolio. */
export const ACTIVE_STATUSES: readonly CoachingStatus[] = ['oriented', 'in_coaching'];

export const EXIT_REASONS = ['job', 'training', 'business_creation', 'moved', 'health', 'no_contact', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const BARRIER_KINDS = [
  'mobility',
  'childcare',
  'housing',
  'debt',
  'health',
  'digital',
  'language',
  'administrative',
] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];
export const BARRIER_STATUSES = ['identified', 'in_progress', 'resolved'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

/** Journal entries that count as a contact with the person (the no-contact alert). */
export const CONTACT_KINDS = ['meeting', 'call', 'email', 'workshop'] as const;
/** Journal entries that record something done for or by the person. */
export const ACTION_KINDS = ['application', 'training', 'pmsmp', 'cv_work', 'aid_request'] as const;
export const EVENT_KINDS = [...CONTACT_KINDS, ...ACTION_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const AID_KINDS = ['childcare', 'mobility', 'equipment', 'other'] as const;
export type AidKind = (typeof AID_KINDS)[number];
export const AID_DECISIONS = ['pending', 'granted', 'refused'] as const;
export type AidDecision = (typeof AID_DECISIONS)[number];

export const CER_OUTCOMES = ['renewed', 'exit_job', 'exit_training', 'exit_other', 'reoriented'] as const;
export type CerOutcome = (typeof CER_OUTCOMES)[number];

/**
 * What the person agreed to: their profile shown to employers, a photo, being written to by e-mail or
 * SMS, their file shared with another professional (a social worker, a colleague covering an absence).
 */
export const CONSENT_PURPOSES = [
  'share_profile_with_employers',
  'photo',
  'contact_by_email',
  'contact_by_sms',
  'share_file_with_professionals',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const EXPERIENCE_EMPLOYER_KINDS = [
  'company',
  'association',
  'public',
  'individual',
  'interim',
  'other',
] as const;
export const SKILL_EVIDENCE = ['declared', 'observed', 'work_experience', 'pmsmp', 'certified'] as const;
export const DIGITAL_AUTONOMY = ['none', 'basic', 'autonomous'] as const;
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const REGIONAL_PLATFORMS = ['nordemploi', 'job_connexion', 'france_travail', 'other'] as const;
/** Where a CV was deposited. */
export type RegionalPlatform = (typeof REGIONAL_PLATFORMS)[number];

/** Portfolio alerts (the coaching issue fixes them: 14 days without contact, CER ending within 15 days). */
export const NO_CONTACT_ALERT_DAYS = 14;
export const CER_ENDING_ALERT_DAYS = 15;
/** Days before anonymisation the referent coach is told. */
export const RETENTION_NOTICE_DAYS = 30;

/** `behind_rhythm`: fewer contacts than the structure's rhythm asks for (domain/contact-rhythm.ts). */
export const PORTFOLIO_ALERTS = ['no_contact', 'cer_ending', 'behind_rhythm'] as const;
export type PortfolioAlert = (typeof PORTFOLIO_ALERTS)[number];

const DAY_MS = 86_400_000;

/** Today's date in Paris, as `YYYY-MM-DD`: the coaches' calendar day, whatever the server's zone. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `date` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface AlertInput {
  readonly status: CoachingStatus;
  /** Last contact, or null when none was ever recorded. */
  readonly lastContactOn: string | null;
  /** Since when the person is followed: the no-contact count starts there when nobody called yet. */
  readonly followedSince: string;
  readonly openCerEndDate: string | null;
}

/**
 * The alerts of one person on `today`: no contact for 14 days or more, and an open CER ending in
 * 15 days or fewer (or already past its end without an outcome). Ended files raise none.
 */
export function portfolioAlerts(input: AlertInput, today: string): PortfolioAlert[] {
  if (input.status === 'ended' || input.status === 'reoriented') return [];
  const alerts: PortfolioAlert[] = [];
  if (daysBetween(input.lastContactOn ?? input.followedSince, today) >= NO_CONTACT_ALERT_DAYS)
    alerts.push('no_contact');
  if (input.openCerEndDate !== null && daysBetween(today, input.openCerEndDate) <= CER_ENDING_ALERT_DAYS)
    alerts.push('cer_ending');
  return alerts;
}

/** The stage the portfolio shows, in French. */
export function stageLabel(
  status: CoachingStatus,
  openCer: { start: string; end: string } | null,
  today: string,
): string {
  switch (status) {
    case 'oriented':
      return 'orienté·e, CER à signer';
    case 'in_coaching': {
      if (!openCer) return 'en accompagnement, sans CER en cours';
      const elapsed = Math.max(0, daysBetween(openCer.start, today));
      const total = Math.max(1, daysBetween(openCer.start, openCer.end));
      const month = Math.min(Math.ceil(total / 30), Math.floor(elapsed / 30) + 1);
      return `CER mois ${month}/${Math.round(total / 30)}`;
    }
    case 'ended':
      return 'sortie du dispositif';
    case 'reoriented':
      return 'réorienté·e';
  }
}

/** What a CER outcome does to the person's coaching status. */
export function statusAfterOutcome(outcome: CerOutcome): { status: CoachingStatus; exitReason: ExitReason | null } {
  switch (outcome) {
    case 'renewed':
      return { status: 'in_coaching', exitReason: null };
    case 'exit_job':
      return { status: 'ended', exitReason: 'job' };
    case 'exit_training':
      return { status: 'ended', exitReason: 'training' };
    case 'exit_other':
      return { status: 'ended', exitReason: 'other' };
    case 'reoriented':
      return { status: 'reoriented', exitReason: null };
  }
}

/** A person as lists outside their file name them: first name and initial (« Nadia E. »); empty once erased. */
export function shortName(firstName: string | null, lastName: string | null): string {
  return [firstName, lastName ? `${lastName.charAt(0)}.` : null].filter(Boolean).join(' ');
}
