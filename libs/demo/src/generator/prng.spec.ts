import { describe, expect, it } from '@jest/globals';
import { hash32, Rng, WeightedPicker } from './prng.js';

describe('seeded PRNG', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number): number[] => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps a fixed sequence for a fixed seed, whatever the machine', () => {
    const rng = new Rng(1);
    expect([rng.int(0, 999), rng.int(0, 999), rng.int(0, 999)]).toEqual([627, 2, 527]);
    expect(hash32('offer', 2026, 'nordemploi', 0)).toBe(hash32('offer', 2026, 'nordemploi', 0));
    expect(hash32('a', 1)).not.toBe(hash32('a1'));
  });

  it('draws integers within bounds, both included', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('never draws a key of weight zero, and follows the weights', () => {
    const rng = new Rng(9);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i += 1) counts[rng.weighted({ a: 3, b: 1, never: 0 })] += 1;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('samples distinct items', () => {
    const sample = new Rng(3).sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(new Rng(3).sample(['a', 'b'], 5)).toHaveLength(2);
  });

  it('picks from a long weighted list in proportion to the weights', () => {
    const picker = new WeightedPicker([1, 2, 3, 4], (n) => n);
    const rng = new Rng(11);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 20_000; i += 1) counts[picker.pick(rng)] += 1;
    expect(counts[4] / counts[1]).toBeGreaterThan(3.5);
    expect(counts[4] / counts[1]).toBeLessThan(4.5);
  });
});
