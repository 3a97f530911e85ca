/**
 * What a candidate list may say of a person before their coach agrees to propose them. Inside one
 * structure, an exact distance to the offer (to 0.1 km, from the home commune's centre) and the
 * referent coach's name are enough to tell who the pseudonym is; a band and "has a referent" are not.
 */

/** Upper bounds of the bands, in km; beyond the last: "plus de …". */
const BANDS = [5, 10, 20, 30, 50] as const;

export function distanceBand(km: number): string {
  const upper = BANDS.findIndex((bound) => km < bound);
  if (upper === 0) return `moins de ${BANDS[0]} km`;
  if (upper === -1) return `plus de ${BANDS[BANDS.length - 1]} km`;
  return `de ${BANDS[upper - 1]} à ${BANDS[upper]} km`;
}
