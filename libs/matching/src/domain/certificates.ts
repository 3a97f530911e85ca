/**
 * What common French work certificates prove, in the words ROME skill labels use: a person holding
 * a `CACES R489` can drive a forklift (`Conduire un chariot élévateur...`, `Utilisation de chariot
 * élévateur`), whatever the offer's wording. A certificate named by none of these is kept as its
 * own words (they may still meet a skill label, `Permis CE` does not).
 */
const CERTIFICATES: ReadonlyArray<readonly [pattern: RegExp, proves: readonly string[]]> = [
  [/\bR\s?489\b|\bcariste\b|chariots? [ée]l[ée]vateurs?/i, ['chariot élévateur', 'chariot de manutention']],
  [/\bR\s?485\b|gerbeur/i, ['gerbeur', 'chariot de manutention']],
  [/\bR\s?486\b|\bPEMP\b|nacelle/i, ['nacelle', 'plate-forme élévatrice']],
  [/\bR\s?482\b|engins? de chantier/i, ['engins de chantier']],
  [/\bR\s?49[04]\b|grue/i, ['grue']],
  [/\bSST\b|sauveteur[- ]secouriste|\bPSC ?1\b/i, ['premiers secours']],
  [/\bHACCP\b/i, ['HACCP', 'hygiène alimentaire']],
  [/habilitation [ée]lectrique|\bH0\s?B0\b|\bB[12]V?\b|\bBR\b|\bBC\b/i, ['habilitation électrique']],
  [/\bFIMO\b|\bFCO\b/i, ['transport routier de marchandises']],
  [/\bBAFA\b/i, ['animation d’accueil collectif de mineurs']],
  [/\bSSIAP\b/i, ['sécurité incendie']],
];

/** The phrases a certificate proves (see CERTIFICATES), or the certificate's own words. */
export function certificatePhrases(certificate: string): string[] {
  const phrases = CERTIFICATES.filter(([pattern]) => pattern.test(certificate)).flatMap(([, proves]) => proves);
  return phrases.length > 0 ? [...new Set(phrases)] : [certificate];
}
