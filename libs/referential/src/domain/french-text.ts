import { stemmer } from '@orama/stemmers/french';
import { foldText } from './text-normalisation.js';

/**
 * French free text as bags of stems, for reading what an offer's description is about and which
 * skills it asks for. Word forms (`conduire`, `conduite`, `conducteurs`; `nettoyer`, `nettoyage`)
 * are folded by the Snowball French stemmer (@orama/stemmers, a maintained port of Martin Porter's
 * algorithm), then accents are dropped so `élévateur` and `elevateur` meet.
 */

/** Grammar words and the boilerplate every offer carries: they say nothing about the job. */
const STOP_WORDS = new Set(
  [
    'a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me',
    'meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un',
    'une vos votre vous y est sont etre avoir ete sera seront etes avez avons ont aussi ainsi afin tout tous',
    'toute toutes plus moins tres bien sous chez entre selon dont lors si sans depuis vers',
    'h f hf fh cdi cdd poste postes profil profils mission missions offre offres candidat candidature',
    'recherche recherchons recrute recrutons rejoindre rejoignez equipe entreprise societe client clients',
    'nous vous votre vos notre nos experience experiences annee annees mois semaine jour jours heure heures',
    'salaire remuneration contrat temps plein partiel travail emploi job',
  ]
    .join(' ')
    .split(' '),
);

const STEMS = new Map<string, string>();

/** The stem of one lower-case word, accents dropped; cached (the referential's labels repeat words). */
export function frenchStem(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    stem = foldText(stemmer(word)).replace(/ /g, '');
    STEMS.set(word, stem);
  }
  return stem;
}

/** The content words of a text, stemmed, in order (repeats kept: they are term frequencies). */
export function textStems(text: string): string[] {
  const stems: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}+#]+/u)) {
    if (raw.length < 2 || /^\d+$/.test(raw)) continue;
    const folded = foldText(raw);
    if (folded === '' || STOP_WORDS.has(folded)) continue;
    const stem = frenchStem(raw);
    if (stem.length >= 2) stems.push(stem);
  }
  return stems;
}
