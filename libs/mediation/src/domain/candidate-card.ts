/**
 * The candidate card (*visage pour l'emploi*): what an employer sees of a person — first name,
 * skills and qualities first, experiences, availability, mobility. Built only from fields listed
 * here, so welfare status, barriers, health, contact details and the last name cannot leak into it.
 */
export interface CandidateCard {
  readonly firstName: string;
  readonly headline: string;
  readonly skills: readonly string[];
  readonly qualities: readonly string[];
  readonly experiences: ReadonlyArray<{ readonly label: string; readonly months: number }>;
  readonly availability: string | null;
  readonly mobility: { readonly drivingLicence: boolean; readonly vehicle: boolean; readonly maxDistanceKm: number };
  readonly languages: readonly string[];
  /** The coach's own words, edited on the card (optional). */
  readonly note: string | null;
}

export interface CardSource {
  readonly firstName: string;
  readonly experiences: ReadonlyArray<{ readonly label: string; readonly months: number }>;
  /** Savoir-faire labels: declared first, then the core skills of past occupations. */
  readonly skills: readonly string[];
  /** Savoir-être labels. */
  readonly qualities: readonly string[];
  readonly desiredOccupation: string | null;
  readonly availabilityDate: string | null;
  readonly drivingLicence: boolean;
  readonly vehicle: boolean;
  readonly maxDistanceKm: number;
  readonly languages: ReadonlyArray<{ readonly code: string; readonly level: string }>;
}

const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'français',
  en: 'anglais',
  ar: 'arabe',
  de: 'allemand',
  es: 'espagnol',
  it: 'italien',
  pt: 'portugais',
  tr: 'turc',
  ro: 'roumain',
  pl: 'polonais',
};

export const CARD_SKILLS = 8;
export const CARD_QUALITIES = 5;

/** A duration for employers: `8 mois`, `3 ans`. */
export function years(months: number): string {
  if (months < 12) return `${months} mois`;
  const y = Math.round(months / 12);
  return `${y} an${y > 1 ? 's' : ''}`;
}

export function buildCard(source: CardSource, note: string | null = null): CandidateCard {
  const longest = [...source.experiences].sort((a, b) => b.months - a.months)[0];
  const headline = longest
    ? `${longest.label} — ${years(longest.months)} d’expérience`
    : source.desiredOccupation
      ? `Souhaite travailler comme ${source.desiredOccupation}`
      : 'Prêt·e à démarrer';
  return {
    firstName: source.firstName,
    headline,
    skills: [...new Set(source.skills)].slice(0, CARD_SKILLS),
    qualities: [...new Set(source.qualities)].slice(0, CARD_QUALITIES),
    experiences: source.experiences.map((experience) => ({ label: experience.label, months: experience.months })),
    availability: source.availabilityDate,
    mobility: { drivingLicence: source.drivingLicence, vehicle: source.vehicle, maxDistanceKm: source.maxDistanceKm },
    languages: source.languages.map(
      (language) =>
        `${LANGUAGE_NAMES[language.code] ?? language.code} (${language.level === 'native' ? 'langue maternelle' : language.level})`,
    ),
    note,
  };
}

/** What the card is made of in the person's diagnostic (coaching's `Diagnostic` has these fields). */
export interface CardDiagnostic {
  readonly experiences: ReadonlyArray<{
    readonly romeCode?: string;
    readonly jobTitle?: string;
    readonly months: number;
  }>;
  readonly skills: ReadonlyArray<{ readonly code: string }>;
  readonly desiredOccupations: readonly string[];
  readonly availabilityDate: string | null;
  readonly drivingLicence: boolean;
  readonly vehicle: boolean;
  readonly maxDistanceKm: number;
  readonly languages: ReadonlyArray<{ readonly code: string; readonly level: string }>;
}

/** What the referential tells of codes (a skill: its label and whether it is a savoir-faire or savoir-être). */
export interface CardReferential {
  occupationLabel(code: string): string | undefined;
  skill(code: string): { readonly label: string; readonly kind: string } | null;
  skillsOfOccupation(
    code: string,
  ): ReadonlyArray<{ readonly label: string; readonly kind: string; readonly core: boolean }>;
}

/**
 * What a card is built from: every skill and quality the person's file gives (declared, then from
 * past occupations), before the card keeps the first.
 */
export function cardSourceOf(
  firstName: string | null,
  diagnostic: CardDiagnostic,
  referential: CardReferential,
): CardSource {
  const experiences = diagnostic.experiences.map((experience) => ({
    label:
      (experience.romeCode ? referential.occupationLabel(experience.romeCode) : undefined) ??
      experience.jobTitle ??
      'Expérience',
    months: experience.months,
  }));
  const declared = diagnostic.skills.map((skill) => referential.skill(skill.code)).filter((skill) => skill !== null);
  const fromOccupations = diagnostic.experiences.flatMap((experience) =>
    experience.romeCode ? referential.skillsOfOccupation(experience.romeCode) : [],
  );
  return {
    firstName: firstName ?? '',
    experiences,
    skills: [
      ...declared.filter((skill) => skill.kind === 'savoir_faire').map((skill) => skill.label),
      ...fromOccupations.filter((skill) => skill.kind === 'savoir_faire' && skill.core).map((skill) => skill.label),
    ],
    qualities: [
      ...declared.filter((skill) => skill.kind === 'savoir_etre').map((skill) => skill.label),
      ...fromOccupations.filter((skill) => skill.kind === 'savoir_etre').map((skill) => skill.label),
    ],
    desiredOccupation: diagnostic.desiredOccupations[0]
      ? (referential.occupationLabel(diagnostic.desiredOccupations[0]) ?? null)
      : null,
    availabilityDate: diagnostic.availabilityDate,
    drivingLicence: diagnostic.drivingLicence,
    vehicle: diagnostic.vehicle,
    maxDistanceKm: diagnostic.maxDistanceKm,
    languages: diagnostic.languages,
  };
}

export interface CardEdit {
  readonly note?: string | null;
  readonly skills?: string[];
  readonly qualities?: string[];
}

/**
 * The card the coach's edit gives: a note, and which skills and qualities to show, only among the
 * person's own (those on the card or in their file). A label the person does not have is refused.
 */
export function editedCard(
  current: CandidateCard,
  source: CardSource,
  edit: CardEdit,
): { readonly card: CandidateCard } | { readonly field: 'skills' | 'qualities'; readonly unknown: string[] } {
  const check = (wanted: string[] | undefined, known: readonly string[]): string[] =>
    wanted ? wanted.filter((label) => !known.includes(label)) : [];
  const unknownSkills = check(edit.skills, [...source.skills, ...current.skills]);
  if (unknownSkills.length > 0) return { field: 'skills', unknown: unknownSkills };
  const unknownQualities = check(edit.qualities, [...source.qualities, ...current.qualities]);
  if (unknownQualities.length > 0) return { field: 'qualities', unknown: unknownQualities };
  return {
    card: {
      ...current,
      skills: edit.skills ?? current.skills,
      qualities: edit.qualities ?? current.qualities,
      note: edit.note === undefined ? current.note : edit.note,
    },
  };
}

/** The labels the coach may show: those on the card now first, then every other one of the person's file. */
export function cardChoices(card: CandidateCard, source: CardSource): { skills: string[]; qualities: string[] } {
  return {
    skills: [...new Set([...card.skills, ...source.skills])],
    qualities: [...new Set([...card.qualities, ...source.qualities])],
  };
}
