/**
 * Mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed, so that what is
 * drawn "at random" (training order, projection vectors) is the same on every run and machine.
 * Not for anything secret: use node:crypto there.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
