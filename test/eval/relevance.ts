/**
 * The relevance judgement of the matching evaluation on real offers (test/eval/matching-eval.ts).
 *
 * The product owner judges with observed hiring transitions between occupations (people seen moving
 * from one occupation into another): 2 for the same occupation, 1 for one people were observed
 * moving into. The team has no such data. The grade-1 proxy here uses two facts of the bundled
 * ROME 4 the matcher never reads (it reads ROME skills and ROME *mobilities*, not these):
 *
 * - the same ROME domain (letter + 2 digits: M18 "systèmes d'information", K23 "propreté"), France
 *   Travail's own grouping of neighbouring occupations;
 * - the same ROME 3 origin (`code_rome_parent`): ROME 4 split some occupations into several (M1801
 *   gave M1854, M1855…; M1403 gave M1419); two codes sharing a parent, or one being the other's
 *   parent, were one occupation until 2024. Offers published before France Travail moved to ROME 4
 *   carry the parent's code, so this grade also forgives the version change.
 *
 * It is a proxy, not observed mobility: it is generous inside big domains (any M18 job for any M18
 * profile, any K21 for any K21) and blind to moves across domains that people do make (a warehouse
 * worker into delivery driving, N11 → N41; a cleaner into hotel housekeeping, K22 → G15). Figures
 * measured with it are comparable between our runs, not equal to the kept-aside set's.
 */
export function grade(profileCode: string, offerCode: string, parents: ReadonlyMap<string, string>): 0 | 1 | 2 {
  if (profileCode === offerCode) return 2;
  if (profileCode.slice(0, 3) === offerCode.slice(0, 3)) return 1;
  const profileParent = parents.get(profileCode) ?? profileCode;
  const offerParent = parents.get(offerCode) ?? offerCode;
  return profileParent === offerParent || profileParent === offerCode || offerParent === profileCode ? 1 : 0;
}

/** nDCG@k of a ranked list of grades against the ideal ordering of all grades available. */
export function ndcgAt(k: number, ranked: readonly number[], all: readonly number[]): number {
  const dcg = (grades: readonly number[]): number =>
    grades.slice(0, k).reduce((sum, value, i) => sum + (2 ** value - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

/** Share of the relevant offers (grade ≥ 1) found in the first k. */
export function recallAt(k: number, ranked: readonly number[], all: readonly number[]): number {
  const relevant = all.filter((value) => value >= 1).length;
  return relevant === 0 ? 0 : ranked.slice(0, k).filter((value) => value >= 1).length / relevant;
}
