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
