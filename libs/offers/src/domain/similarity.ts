import { normalizeText, tokens } from './text.js';

/** Jaccard index of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Word 3-grams of a text: robust to reflowed lines and punctuation, sensitive to real rewording. */
export function shingles(text: string, size = 3): Set<string> {
  const words = normalizeText(text)
    .split(' ')
    .filter((word) => word.length > 0);
  const result = new Set<string>();
  if (words.length < size) {
    if (words.length > 0) result.add(words.join(' '));
    return result;
  }
  for (let i = 0; i + size <= words.length; i += 1) result.add(words.slice(i, i + size).join(' '));
  return result;
}

/**
 * Word overlap of two job titles. Words of the commune are left out: boards often append the place
 * ("Cariste F/H - Roubaix"), which says nothing about the job.
 */
export function titleSimilarity(a: string, b: string, communeName?: string): number {
  const place = new Set(communeName ? tokens(communeName) : []);
  const words = (title: string): Set<string> => new Set(tokens(title).filter((word) => !place.has(word)));
  return jaccard(words(a), words(b));
}

export function descriptionSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/**
 * The cross-source duplicate rule. Two offers of different sources are the same job when they are
 * in the same commune, have titles sharing at least 80 % of their words (the commune's name and
 * gender marks such as H/F left out), descriptions sharing at least 60 % of their word 3-grams, and
 * the same employer (name normalised, legal forms dropped). When one source hides the employer
 * (France Travail does for private employers), the descriptions must share 80 % instead. The
 * thresholds keep reposts with edited punctuation, case, line breaks or a place appended together,
 * and keep apart two different jobs at the same employer.
 */
export const DUPLICATE_THRESHOLDS = { title: 0.8, description: 0.6, descriptionWithoutEmployer: 0.8 } as const;

const LEGAL_FORMS = new Set([
  'sas',
  'sarl',
  'sa',
  'eurl',
  'sasu',
  'scop',
  'scic',
  'association',
  'ets',
  'societe',
  'groupe',
]);

/** An employer's name as compared: lower-case, accent-free, legal forms dropped. Null when unknown. */
export function employerKey(name: string | null): string | null {
  if (!name) return null;
  const key = tokens(name)
    .filter((token) => !LEGAL_FORMS.has(token))
    .join(' ');
  return key === '' ? null : key;
}

/**
 * Offers that may be duplicates share this key (their commune, or the area an offer without a
 * commune names), so candidates come from an index.
 */
export function duplicateFingerprint(location: {
  readonly communeInsee: string | null;
  readonly departement: string | null;
  readonly region: string | null;
  readonly label: string;
}): string {
  if (location.communeInsee) return location.communeInsee;
  if (location.departement) return `departement:${location.departement}`;
  return location.region ? `region:${location.region}` : `country:${location.label}`;
}

export interface DuplicateCandidate {
  readonly title: string;
  readonly description: string;
  readonly employerName: string | null;
}

export function isSameJob(a: DuplicateCandidate, b: DuplicateCandidate, communeName?: string): boolean {
  const employerA = employerKey(a.employerName);
  const employerB = employerKey(b.employerName);
  if (employerA && employerB && employerA !== employerB) return false;
  const descriptionThreshold =
    employerA && employerB ? DUPLICATE_THRESHOLDS.description : DUPLICATE_THRESHOLDS.descriptionWithoutEmployer;
  return (
    titleSimilarity(a.title, b.title, communeName) >= DUPLICATE_THRESHOLDS.title &&
    descriptionSimilarity(a.description, b.description) >= descriptionThreshold
  );
}
