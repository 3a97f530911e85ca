import { describe, expect, it } from '@jest/globals';
import { distanceBand } from './pseudonymous-candidate.js';

describe('distanceBand', () => {
  it.each([
    [0, 'moins de 5 km'],
    [4.9, 'moins de 5 km'],
    [5, 'de 5 à 10 km'],
    [12.3, 'de 10 à 20 km'],
    [29.9, 'de 20 à 30 km'],
    [42, 'de 30 à 50 km'],
    [50, 'plus de 50 km'],
    [180, 'plus de 50 km'],
  ])('puts %d km in the band “%s”', (km, band) => {
    expect(distanceBand(km)).toBe(band);
  });
});
