/**
 * The relevance judgement of the matching evaluation, written by hand from how people actually move
 * between these jobs (employment-service practice), NOT from ROME skills or mobilities, which the
 * matcher scores with. Same sector: 2. A sector in the same family of work: 1. Otherwise: 0.
 */
const FAMILIES: ReadonlyArray<readonly string[]> = [
  ['proprete', 'dechets', 'collectivite', 'blanchisserie', 'hotellerie'],
  ['ehpad', 'hopital', 'aide-domicile', 'services-personne', 'petite-enfance'],
  ['logistique', 'messagerie', 'transport', 'industrie', 'agroalimentaire'],
  ['transport', 'transport-voyageurs', 'messagerie'],
  ['restauration', 'restauration-rapide', 'restauration-collective', 'boulangerie', 'hotellerie'],
  ['commerce', 'boulangerie', 'accueil'],
  ['batiment', 'second-oeuvre', 'travaux-publics'],
  ['espaces-verts', 'agriculture', 'viticulture', 'arboriculture', 'maraichage'],
  ['securite', 'accueil'],
];

export function relevance(profileSector: string, offerSector: string): 0 | 1 | 2 {
  if (profileSector === offerSector) return 2;
  return FAMILIES.some((family) => family.includes(profileSector) && family.includes(offerSector)) ? 1 : 0;
}

/** nDCG@k of a ranked list of grades against the ideal ordering of all grades available. */
export function ndcgAt(k: number, ranked: readonly number[], all: readonly number[]): number {
  const dcg = (grades: readonly number[]): number =>
    grades.slice(0, k).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

/** Share of the relevant offers (grade ≥ 1) found in the first k. */
export function recallAt(k: number, ranked: readonly number[], all: readonly number[]): number {
  const relevant = all.filter((grade) => grade >= 1).length;
  return relevant === 0 ? 0 : ranked.slice(0, k).filter((grade) => grade >= 1).length / relevant;
}
