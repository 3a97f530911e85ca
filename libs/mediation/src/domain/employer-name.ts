/** Legal forms that say nothing about which employer it is (`Boulangerie Paul SARL` is `Boulangerie Paul`). */
const LEGAL_FORMS = new Set(['sa', 'sas', 'sasu', 'sarl', 'eurl', 'sci', 'snc', 'scop', 'eirl', 'ei', 'sca', 'gie']);

/**
 * The key two spellings of one employer's name share: accents, case, punctuation, spacing and a
 * legal form dropped (`Propreté Services Nord`, `PROPRETE SERVICES-NORD SAS`). Empty when the name
 * says nothing (only punctuation or a legal form).
 */
export function employerNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/&/g, ' et ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
    .join(' ');
}

export interface KnownEmployer {
  readonly id: string;
  readonly name: string;
  readonly siret: string | null;
}

/**
 * The employer a name (and SIRET) designates among `known` (nearest structure first): the one with
 * this SIRET, else the first whose name has the same key and no other SIRET.
 */
export function matchEmployer(
  known: readonly KnownEmployer[],
  wanted: { readonly name: string; readonly siret?: string },
): KnownEmployer | undefined {
  const key = employerNameKey(wanted.name);
  const bySiret = wanted.siret ? known.find((employer) => employer.siret === wanted.siret) : undefined;
  const byName = known.find(
    (employer) =>
      employerNameKey(employer.name) === key && (!wanted.siret || !employer.siret || employer.siret === wanted.siret),
  );
  return bySiret ?? byName;
}
