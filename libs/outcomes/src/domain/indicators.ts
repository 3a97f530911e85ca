/**
 * The programme indicators: each with its definition (the README's table is generated from this
 * list), its target, and how its value comes from a numerator and a denominator. The SQL that
 * counts them is in indicators.use-case.ts; this file says what they mean.
 */

export const INDICATOR_UNITS = ['rate', 'days', 'hours', 'count', 'ratio'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export interface IndicatorDefinition {
  readonly key: string;
  /** The name managers see (French). */
  readonly label: string;
  readonly unit: IndicatorUnit;
  /** A rate's target (0–1), or null when the call for projects sets none. */
  readonly target: number | null;
  readonly definition: string;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'return_to_activity',
    label: 'Retour à l’activité ou à l’emploi',
    unit: 'rate',
    target: 0.6,
    definition:
      'People whose coaching ended in the period (ended or reoriented) who left for a job, a training or a business creation, or who started a job (placement) before their coaching ended. Denominator: people whose coaching ended in the period; coaching still running is excluded.',
  },
  ...(['m1', 'm3', 'm6'] as const).map((milestone): IndicatorDefinition => ({
    key: `rsa_exit_job_${milestone}`,
    label: `Sortie du RSA liée à l’emploi à M+${milestone.slice(1)}`,
    unit: 'rate',
    target: 0.5,
    definition: `People whose coaching ended in the period and whose M+${milestone.slice(1)} checkpoint after the end of coaching has fallen due, who had left the RSA at that checkpoint while in a job on that day (a placement covering the day, or the checkpoint's answer). Leaving the RSA without a job does not count; a checkpoint not yet answered counts in the denominator only (reported as unknown).`,
  })),
  {
    key: 'durable_jobs',
    label: 'Emplois durables',
    unit: 'rate',
    target: null,
    definition:
      'Placements started in the period that are durable (a CDI, or a fixed-term contract of six months or more: the one rule in domain/outcomes.ts), over the placements started in the period.',
  },
  {
    key: 'cv_on_platform',
    label: 'CV déposé sur la plateforme régionale (personnes prêtes à l’emploi)',
    unit: 'rate',
    target: 1,
    definition:
      'Job-ready people followed in the period whose CV was on a regional platform at the end of the period (or of their coaching). Job-ready: in coaching, with no barrier open on that day.',
  },
  {
    key: 'days_to_first_introduction',
    label: 'Délai médian entre l’entrée et la première mise en relation (jours)',
    unit: 'days',
    target: null,
    definition:
      "Median days from orientation to the person's first introduction, over the people whose first introduction was made in the period (the denominator).",
  },
  {
    key: 'days_to_hire',
    label: 'Délai médian entre l’entrée et l’embauche (jours)',
    unit: 'days',
    target: null,
    definition:
      "Median days from orientation to the start of the person's first job, over the people whose first placement started in the period (the denominator).",
  },
  {
    key: 'introductions_per_person',
    label: 'Mises en relation par personne accompagnée',
    unit: 'ratio',
    target: null,
    definition: 'Introductions made in the period, over the people followed at some point of the period.',
  },
  {
    key: 'employer_response_rate',
    label: 'Taux de réponse des employeurs',
    unit: 'rate',
    target: null,
    definition:
      'Introductions whose first card link was sent in the period and that the employer answered (any answer), over the introductions whose first link was sent in the period.',
  },
  {
    key: 'employer_response_hours',
    label: 'Délai médian de réponse des employeurs (heures)',
    unit: 'hours',
    target: null,
    definition:
      "Median hours from an introduction's first link to the employer's first answer, over the answered introductions of the period (the denominator).",
  },
  {
    key: 'offers_captured',
    label: 'Offres captées par la médiation',
    unit: 'count',
    target: null,
    definition: 'Offers created from a job analysis (source mediation) in the period.',
  },
  {
    key: 'contact_rhythm_at_target',
    label: 'Personnes suivies au rythme de contact du programme',
    unit: 'rate',
    target: null,
    definition:
      "People followed on the period's last day whose structure has a contact rhythm (its own or its nearest parent's), who had on that day at least the contacts the rhythm asks for over its period ending that day (in proportion, rounded down, for a person oriented less than a period before), over those people. The rule is libs/coaching's domain/contact-rhythm.ts; it counts from the orientation date.",
  },
  {
    key: 'no_show_rate',
    label: 'Absences non excusées aux rendez-vous et ateliers',
    unit: 'rate',
    target: null,
    definition:
      'Participations in appointments and workshops (not cancelled) that started in the period, whose attendance was recorded as absent without excuse, over the participations of the period whose attendance was recorded (present, absent or excused). Participations in appointments already started with no attendance recorded count in neither (reported as unknown).',
  },
];

/** A value from its parts: a share for rates and ratios, null when there is nothing to divide. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 1000 : null;
}

/** The README's definitions table. */
export function indicatorsMarkdown(): string {
  const target = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)} %`);
  return [
    '| indicator | label | target | definition |',
    '| --- | --- | --- | --- |',
    ...INDICATORS.map(
      (indicator) =>
        `| \`${indicator.key}\` | ${indicator.label} | ${target(indicator.target)} | ${indicator.definition} |`,
    ),
  ].join('\n');
}
