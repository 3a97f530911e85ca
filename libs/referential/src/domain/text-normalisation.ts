/**
 * Normalised forms of French labels, shared by the import (the `search_key` columns) and the
 * in-memory index, so a key computed at import time and one computed from user input always agree.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURES: Readonly<Partial<Record<string, string>>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
// What each non-ASCII character folds to ('' for a separator), filled as characters are met.
const FOLDED = new Map<number, string>();

function foldCharacter(code: number): string {
  let folded = FOLDED.get(code);
  if (folded === undefined) {
    const lower = String.fromCharCode(code).toLowerCase();
    folded = (LIGATURES[lower] ?? lower.normalize('NFD').replace(COMBINING_MARKS, '')).replace(/[^a-z0-9]/g, '');
    FOLDED.set(code, folded);
  }
  return folded;
}

const SPACE = 32;
/** Texts up to a third of this fold in one buffer kept between calls. */
const KEPT_BYTES = 1 << 16;
const keptBytes = new Uint8Array(KEPT_BYTES);
// Only ASCII letters, digits and spaces are written, which every single-byte decoding reads alike.
const ASCII = new TextDecoder('latin1');

/**
 * Lower case, no accents, ligatures spelled out, every run of other characters one space.
 * A character loop with a cache rather than `normalize()` and regular expressions: the index folds
 * a few hundred thousand labels when it loads, and indexing folds every offer's text. The folded
 * characters are written as bytes and decoded once: appending them to a string made a string piece
 * per character (13 KB of garbage for an offer's description, most of what indexing allocated).
 */
export function foldText(text: string): string {
  // What a character folds to is at most two characters (a ligature), plus the space before it.
  let bytes = text.length * 3 <= KEPT_BYTES ? keptBytes : new Uint8Array(text.length * 3);
  let length = 0;
  let separated = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) {
      if (separated && length > 0) bytes[length++] = SPACE;
      bytes[length++] = code >= 65 && code <= 90 ? code + 32 : code;
      separated = false;
    } else if (code < 128) separated = true;
    // Combining accents (text already decomposed) belong to the letter before them.
    else if (code >= 0x300 && code <= 0x36f) continue;
    else {
      const piece = foldCharacter(code);
      if (piece === '') {
        separated = true;
        continue;
      }
      if (length + piece.length + 1 > bytes.length) {
        // Longer than any ligature the referential's texts hold: room is made for it.
        const larger = new Uint8Array(bytes.length * 2 + piece.length + 1);
        larger.set(bytes.subarray(0, length));
        bytes = larger;
      }
      if (separated && length > 0) bytes[length++] = SPACE;
      for (let k = 0; k < piece.length; k += 1) bytes[length++] = piece.charCodeAt(k);
      separated = false;
    }
  }
  return ASCII.decode(bytes.subarray(0, length));
}

const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const SAINT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['sts', 'saints'],
  ['stes', 'saintes'],
]);
const ORDINAL = /^0*(\d{1,2})(?:e|er|ere|re|eme|ieme|em)?$/;
const PLACE_NOISE = new Set(['arrondissement', 'arrdt', 'arr', 'cedex']);

/**
 * The key a commune is found by: `Le Cateau-Cambrésis`, `Cateau-Cambrésis (Le)`, `LE CATEAU
 * CAMBRESIS` and `cateau-cambresis` all give `cateau cambresis`; `St-Omer` gives `saint omer`;
 * `Paris 15e Arrondissement` and `Paris 15ème` give `paris 15`; `Boulogne s/ Mer` gives
 * `boulogne sur mer`. The article is dropped rather than required because sources write it in
 * front, behind in parentheses, or not at all.
 */
export function placeKey(name: string): string {
  const spelled = name.replace(/\bss\/\s*/gi, 'sous ').replace(/\bs\/\s*/gi, 'sur ');
  const tokens: string[] = [];
  for (const token of foldText(spelled).split(' ')) {
    if (token === '' || PLACE_NOISE.has(token)) continue;
    const ordinal = ORDINAL.exec(token);
    tokens.push(ordinal ? ordinal[1] : (SAINT_ABBREVIATIONS.get(token) ?? token));
  }
  if (tokens.length > 1 && ARTICLES.has(tokens[0])) tokens.shift();
  if (tokens.length > 1 && ARTICLES.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join(' ');
}

/**
 * Folds the masculine, feminine and plural forms of a (folded) French word onto one stem, so
 * `conductrice`, `conducteurs` and `conducteur` meet, as do `agente`/`agent`, `caissière`/
 * `caissier`, `commise`/`commis`. A crude stemmer, not a dictionary: it only has to send both
 * sides of a comparison (job titles and ROME labels) to the same place.
 */
export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  let stem = word;
  if (stem.endsWith('aux')) stem = `${stem.slice(0, -3)}al`;
  else if (stem.endsWith('s') || stem.endsWith('x')) stem = stem.slice(0, -1);
  if (stem.endsWith('trice')) stem = `${stem.slice(0, -5)}teur`;
  else if (stem.endsWith('euse')) stem = `${stem.slice(0, -4)}eur`;
  else if (stem.endsWith('iere')) stem = `${stem.slice(0, -4)}ier`;
  else if (stem.endsWith('ere')) stem = `${stem.slice(0, -3)}er`;
  else if (stem.endsWith('ienne')) stem = `${stem.slice(0, -5)}ien`;
  else if (stem.endsWith('onne')) stem = `${stem.slice(0, -4)}on`;
  else if (stem.endsWith('elle')) stem = `${stem.slice(0, -4)}el`;
  else if (stem.endsWith('ffe')) stem = stem.slice(0, -2);
  else if (stem.endsWith('esse')) stem = stem.slice(0, -3);
  else if (stem.endsWith('ive')) stem = `${stem.slice(0, -3)}if`;
  // `employée` and `employé` both end as `employ`.
  while (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('s')) stem = stem.slice(0, -1);
  return stem;
}

// `(e)`, `(ne)`, `(euse)`, `(ère)`... glued to the word they feminise: `aide-soignant(e)`.
const PARENTHESISED_FEMININE =
  /(\p{L})\s?\((?:e|es|s|x|ne|nes|nne|se|ses|euse|euses|rice|trice|ère|ere|ière|iere|le|les|lle|te|tte|ve|fe|sse)\)/giu;
// Inclusive writing: `agent·e`, `vendeur.euse.s`.
const INCLUSIVE_FEMININE = /(\p{L})[·•.](?:e|es|ne|se|euse|rice|trice|ère|ere|le|te|ve)(?:[·•.]s)?(?![\p{L}\d])/giu;
// The same after a slash: `technicien/ne`, `serveur/se`, `opérateur/trice`, `polyvalent/e`.
const SLASHED_FEMININE =
  /(\p{L})\s?\/\s?(?:e|es|ne|nes|nne|se|euse|rice|trice|ère|ere|ière|iere|le|lle|te|tte|ve|fe|sse)(?![\p{L}\d])/giu;
// `H/F`, `F/H`, `(H-F)`, `H/F/X`, `M/F`.
const GENDER_MARK = /(?<![\p{L}\d])[hfmx]\s*[/\\|-]\s*[hfmx](?:\s*[/\\|-]\s*[hfmx])?(?![\p{L}\d])/giu;

/** Abbreviations that offers use and ROME labels spell out. */
const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['pl', ['poids', 'lourd']],
  ['spl', ['super', 'poids', 'lourd']],
  ['vl', ['vehicule', 'leger']],
  ['advf', ['assistant', 'vie', 'famille']],
  ['auto', ['automobile']],
]);

/**
 * Grammar words, and what job titles add around the occupation: contract, schedule, level. Words
 * that mean something in a ROME label (`mission`, `poste`, `recrutement`, `plein air`, `benne TP`)
 * are not here, or `Responsable recrutement` would read as `Responsable`.
 */
const TITLE_NOISE = new Set(
  [
    // Not `son`: in a job title it is sound (`Ingénieur du son`), not `his`.
    'de du des d l la le les et en a au aux pour par sur sous avec un une ou dans chez sa ses vos nos votre notre',
    'h f m x hf fh e',
    'cdi cdd ctt interim interimaire alternance alternant apprentissage professionnalisation',
    'stage stagiaire temps partiel saisonnier saisonniere saison extra extras vacataire vacation freelance',
    'urgent job jobs offre recrute rejoignez',
    'mois heure heures hebdo hebdomadaire semaine semaines week weekend',
    'debutant debutante debutants accepte acceptee acceptes confirme confirmee experimente experimentee',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The words of a job title or ROME label that say which occupation it is, stemmed and in order,
 * without duplicates (`Agent / Agente d'entretien H/F - CDI` → `agent entretien`).
 */
export function occupationTokens(text: string): string[] {
  const cleaned = text
    .replace(PARENTHESISED_FEMININE, '$1')
    .replace(INCLUSIVE_FEMININE, '$1')
    .replace(SLASHED_FEMININE, '$1')
    .replace(GENDER_MARK, ' ');
  const tokens: string[] = [];
  const seen = new Set<string>();
  for (const word of foldText(cleaned).split(' ')) {
    if (word.length < 2 || /\d/.test(word) || TITLE_NOISE.has(word)) continue;
    for (const part of ABBREVIATIONS.get(word) ?? [word]) {
      const stem = stemWord(part);
      if (!seen.has(stem)) {
        seen.add(stem);
        tokens.push(stem);
      }
    }
  }
  return tokens;
}

/**
 * The masculine and feminine wordings of a ROME label written `Conducteur / Conductrice d'engins
 * agricoles` (→ `Conducteur d'engins agricoles`, `Conductrice d'engins agricoles`), so a prefix
 * typed in either form finds it. A label whose slash separates two different things
 * (`Garçon / Serveuse de café`) is kept whole.
 */
export function genderForms(label: string): string[] {
  const slash = label.indexOf(' / ');
  if (slash < 0) return [label];
  const masculine = label.slice(0, slash).trim().split(' ');
  const feminine = label.slice(slash + 3).trim();
  const feminineWords = feminine.split(' ');
  const first = occupationTokens(masculine[0]).join(' ');
  if (
    feminineWords.length < masculine.length ||
    first === '' ||
    first !== occupationTokens(feminineWords[0]).join(' ')
  ) {
    return [label];
  }
  return [[...masculine, ...feminineWords.slice(masculine.length)].join(' '), feminine];
}

/** What the `search_key` columns hold and prefix searches compare with: the first wording, folded. */
export function labelSearchKey(label: string): string {
  return foldText(genderForms(label)[0]);
}
