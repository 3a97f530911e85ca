import type { components } from '../../api/schema';
import { WORKING_TIME_LABELS } from '../../ui/labels';

type DiagnosticRequest = components['schemas']['DiagnosticRequest'];
type Constraint = DiagnosticRequest['constraints'][number];
type WorkingTime = DiagnosticRequest['workingTime'];

/** Hours the person cannot work. */
export const CONSTRAINT_LABELS: Record<Constraint, string> = {
  no_night: 'pas de nuit',
  no_weekend: 'pas le week-end',
  school_hours: 'horaires scolaires',
};
/** The working time the person looks for, as the file says it mid-sentence (« temps plein »). */
export const WORKING_TIME_WORDS = Object.fromEntries(
  (['full_time', 'part_time', 'any'] as const).map((id) => [id, WORKING_TIME_LABELS[id].toLowerCase()]),
) as Record<WorkingTime, string>;

/** Languages offered in the form (ISO 639-1), the most frequent among the people followed first. */
export const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'français',
  en: 'anglais',
  ar: 'arabe',
  es: 'espagnol',
  pt: 'portugais',
  tr: 'turc',
  ro: 'roumain',
  de: 'allemand',
  it: 'italien',
  pl: 'polonais',
  ru: 'russe',
  uk: 'ukrainien',
  fa: 'persan',
  ps: 'pachto',
  ta: 'tamoul',
  so: 'somali',
};
