import { placeKey } from './text-normalisation.js';

/**
 * Départements and regions (INSEE's official geographic code, COG), for offers that give only an
 * area: `62 - Pas-de-Calais`, `Nouvelle-Aquitaine`, `France`. The communes file carries each
 * commune's département and region codes but not their names.
 */
export const REGIONS: Readonly<Record<string, string>> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': "Provence-Alpes-Côte d'Azur",
  '94': 'Corse',
};

/** The regions before the 2016 merger, still written by some boards (Job Connexion: `Alsace`). */
const FORMER_REGIONS: Readonly<Record<string, string>> = {
  Alsace: '44',
  Lorraine: '44',
  'Champagne-Ardenne': '44',
  Aquitaine: '75',
  Limousin: '75',
  'Poitou-Charentes': '75',
  'Languedoc-Roussillon': '76',
  'Midi-Pyrénées': '76',
  Auvergne: '84',
  'Rhône-Alpes': '84',
  Bourgogne: '27',
  'Franche-Comté': '27',
  'Basse-Normandie': '28',
  'Haute-Normandie': '28',
  'Nord-Pas-de-Calais': '32',
  Picardie: '32',
  Centre: '24',
  PACA: '93',
};

/** Code → [name, region code]. */
export const DEPARTEMENTS: Readonly<Record<string, readonly [string, string]>> = {
  '01': ['Ain', '84'],
  '02': ['Aisne', '32'],
  '03': ['Allier', '84'],
  '04': ['Alpes-de-Haute-Provence', '93'],
  '05': ['Hautes-Alpes', '93'],
  '06': ['Alpes-Maritimes', '93'],
  '07': ['Ardèche', '84'],
  '08': ['Ardennes', '44'],
  '09': ['Ariège', '76'],
  '10': ['Aube', '44'],
  '11': ['Aude', '76'],
  '12': ['Aveyron', '76'],
  '13': ['Bouches-du-Rhône', '93'],
  '14': ['Calvados', '28'],
  '15': ['Cantal', '84'],
  '16': ['Charente', '75'],
  '17': ['Charente-Maritime', '75'],
  '18': ['Cher', '24'],
  '19': ['Corrèze', '75'],
  '2A': ['Corse-du-Sud', '94'],
  '2B': ['Haute-Corse', '94'],
  '21': ["Côte-d'Or", '27'],
  '22': ["Côtes-d'Armor", '53'],
  '23': ['Creuse', '75'],
  '24': ['Dordogne', '75'],
  '25': ['Doubs', '27'],
  '26': ['Drôme', '84'],
  '27': ['Eure', '28'],
  '28': ['Eure-et-Loir', '24'],
  '29': ['Finistère', '53'],
  '30': ['Gard', '76'],
  '31': ['Haute-Garonne', '76'],
  '32': ['Gers', '76'],
  '33': ['Gironde', '75'],
  '34': ['Hérault', '76'],
  '35': ['Ille-et-Vilaine', '53'],
  '36': ['Indre', '24'],
  '37': ['Indre-et-Loire', '24'],
  '38': ['Isère', '84'],
  '39': ['Jura', '27'],
  '40': ['Landes', '75'],
  '41': ['Loir-et-Cher', '24'],
  '42': ['Loire', '84'],
  '43': ['Haute-Loire', '84'],
  '44': ['Loire-Atlantique', '52'],
  '45': ['Loiret', '24'],
  '46': ['Lot', '76'],
  '47': ['Lot-et-Garonne', '75'],
  '48': ['Lozère', '76'],
  '49': ['Maine-et-Loire', '52'],
  '50': ['Manche', '28'],
  '51': ['Marne', '44'],
  '52': ['Haute-Marne', '44'],
  '53': ['Mayenne', '52'],
  '54': ['Meurthe-et-Moselle', '44'],
  '55': ['Meuse', '44'],
  '56': ['Morbihan', '53'],
  '57': ['Moselle', '44'],
  '58': ['Nièvre', '27'],
  '59': ['Nord', '32'],
  '60': ['Oise', '32'],
  '61': ['Orne', '28'],
  '62': ['Pas-de-Calais', '32'],
  '63': ['Puy-de-Dôme', '84'],
  '64': ['Pyrénées-Atlantiques', '75'],
  '65': ['Hautes-Pyrénées', '76'],
  '66': ['Pyrénées-Orientales', '76'],
  '67': ['Bas-Rhin', '44'],
  '68': ['Haut-Rhin', '44'],
  '69': ['Rhône', '84'],
  '70': ['Haute-Saône', '27'],
  '71': ['Saône-et-Loire', '27'],
  '72': ['Sarthe', '52'],
  '73': ['Savoie', '84'],
  '74': ['Haute-Savoie', '84'],
  '75': ['Paris', '11'],
  '76': ['Seine-Maritime', '28'],
  '77': ['Seine-et-Marne', '11'],
  '78': ['Yvelines', '11'],
  '79': ['Deux-Sèvres', '75'],
  '80': ['Somme', '32'],
  '81': ['Tarn', '76'],
  '82': ['Tarn-et-Garonne', '76'],
  '83': ['Var', '93'],
  '84': ['Vaucluse', '93'],
  '85': ['Vendée', '52'],
  '86': ['Vienne', '75'],
  '87': ['Haute-Vienne', '75'],
  '88': ['Vosges', '44'],
  '89': ['Yonne', '27'],
  '90': ['Territoire de Belfort', '27'],
  '91': ['Essonne', '11'],
  '92': ['Hauts-de-Seine', '11'],
  '93': ['Seine-Saint-Denis', '11'],
  '94': ['Val-de-Marne', '11'],
  '95': ["Val-d'Oise", '11'],
  '971': ['Guadeloupe', '01'],
  '972': ['Martinique', '02'],
  '973': ['Guyane', '03'],
  '974': ['La Réunion', '04'],
  '976': ['Mayotte', '06'],
};

/** Words that say "anywhere in France" (or no place at all beyond the country). */
const COUNTRY_WORDINGS = ['france', 'france entiere', 'toute la france', 'france metropolitaine', 'national'];

export type AreaPrecision = 'departement' | 'region' | 'country' | 'abroad';

/**
 * Countries (and the Canadian province) that real offers name: border jobs in Monaco, Luxembourg,
 * Belgium, Switzerland or Germany concern people of the neighbouring départements, and a coach
 * should still see them.
 */
const FOREIGN_PLACES = [
  'monaco',
  'luxembourg',
  'belgique',
  'suisse',
  'allemagne',
  'espagne',
  'italie',
  'andorre',
  'royaume uni',
  'canada',
  'quebec',
  'pays bas',
  'portugal',
  'etranger',
];

/** A place wider than a commune. */
export interface ResolvedArea {
  readonly precision: AreaPrecision;
  /** Set for a département; null for a region, the country or abroad. */
  readonly departement: string | null;
  /** Set for a département or a region; null for the country or abroad. */
  readonly region: string | null;
  /** What a person reads: `Pas-de-Calais (62)`, `Nouvelle-Aquitaine`, `France`, `Monaco`. */
  readonly label: string;
}

/**
 * A place outside France, as the offer words it (`Principauté de Monaco`, `Luxembourg
 * (Frontalier)`), or null. Only asked once no French commune or area was found.
 */
export function resolveAbroad(text: string): ResolvedArea | null {
  const key = ` ${placeKey(text)} `;
  return FOREIGN_PLACES.some((place) => key.includes(` ${place} `))
    ? { precision: 'abroad', departement: null, region: null, label: text.replace(/\s+/g, ' ').trim() }
    : null;
}

export function departementArea(code: string): ResolvedArea | null {
  const known = DEPARTEMENTS[code === '20' ? '2A' : code];
  if (!known) return null;
  const departement = code === '20' ? '2A' : code;
  return { precision: 'departement', departement, region: known[1], label: `${known[0]} (${departement})` };
}

export function regionArea(code: string): ResolvedArea | null {
  const name = REGIONS[code];
  return name ? { precision: 'region', departement: null, region: code, label: name } : null;
}

export const COUNTRY_AREA: ResolvedArea = { precision: 'country', departement: null, region: null, label: 'France' };

const DEPARTEMENT_BY_NAME = new Map<string, string>();
const REGION_BY_NAME = new Map<string, string>();
for (const [code, [name]] of Object.entries(DEPARTEMENTS)) DEPARTEMENT_BY_NAME.set(placeKey(name), code);
// An overseas département and its region share a name: the département is the finer reading.
for (const [code, name] of Object.entries(REGIONS))
  if (!DEPARTEMENT_BY_NAME.has(placeKey(name))) REGION_BY_NAME.set(placeKey(name), code);
for (const [name, code] of Object.entries(FORMER_REGIONS)) REGION_BY_NAME.set(placeKey(name), code);

/** `Savoie (Haute)` → `Haute Savoie`: France Travail writes some départements with the adjective last. */
function unInverted(text: string): string {
  const inverted = /^(.*?)\s*\(\s*(haute|haut|bas|basse|hautes)\s*\)\s*$/iu.exec(text);
  return inverted ? `${inverted[2]} ${inverted[1]}` : text;
}

const DEPARTEMENT_NOISE =
  /\((?:dept\.?|d[ée]partement|\d{2,3}|2[AB])\)|\bsur le d[ée]partement(?:\s+\d{2,3}|\s+2[AB])?\b/giu;

/**
 * The area a place text names, when it names an area and nothing finer: a département by its code
 * alone or with its own name (`62 - Pas-de-Calais`, `Nord (59)`, `Savoie (Haute)`, `Hauts de Seine`,
 * `37 - sur le département 37`, `75`), a region by its current or former name (`Nouvelle-Aquitaine`,
 * `Alsace`), or the country (`France`). `59 - Lille` is a commune, not an area: null.
 */
export function resolveArea(text: string): ResolvedArea | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const code = (
    /^(\d{2,3}|2[AB])(?=\s*[-–—:]|\s|$)/i.exec(clean)?.[1] ?? /\((\d{2,3}|2[AB])\)/i.exec(clean)?.[1]
  )?.toUpperCase();
  const byCode = code ? departementArea(code) : null;
  const words = clean
    .replace(/^(\d{2,3}|2[AB])\s*[-–—:]?\s*/i, '')
    .replace(DEPARTEMENT_NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (byCode && placeKey(words) === '') return byCode;
  for (const candidate of [words, unInverted(words)]) {
    const key = placeKey(candidate);
    if (key === '') continue;
    const departement = DEPARTEMENT_BY_NAME.get(key);
    if (departement && (!byCode || byCode.departement === departement)) return departementArea(departement);
    const region = REGION_BY_NAME.get(key);
    if (region && !byCode) return regionArea(region);
    if (COUNTRY_WORDINGS.includes(key) && !byCode) return COUNTRY_AREA;
  }
  return null;
}

/** The label of a département or a region code, for explanations. */
export function departementLabel(code: string): string | null {
  return departementArea(code)?.label ?? null;
}
