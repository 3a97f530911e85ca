import { isLuhnValid } from '@passerelle/offers';
import { hash32, Rng } from './prng.js';

/** The digit to append to `digits` so the whole passes Luhn. */
function luhnCheckDigit(digits: string): string {
  for (let candidate = 0; candidate <= 9; candidate += 1) {
    if (isLuhnValid(`${digits}${candidate}`)) return String(candidate);
  }
  throw new Error('unreachable: one of ten digits always completes a Luhn sum');
}

/**
 * A fictitious but well-formed SIRET for an employer name: the SIREN and the whole SIRET both pass
 * Luhn, like real ones. Derived from the name alone so every offer of one employer, on any platform
 * and for any seed, carries the same SIRET (de-duplication may rely on it).
 */
export function demoSiret(employerName: string): string {
  const rng = new Rng(hash32('siret', employerName));
  // SIRENs of companies start with 3 to 9; leading 1-2 are reserved for individuals and public bodies.
  let siren = String(rng.int(3, 9));
  for (let i = 0; i < 7; i += 1) siren += String(rng.int(0, 9));
  siren += luhnCheckDigit(siren);
  const nic = `000${rng.int(1, 9)}`;
  return `${siren}${nic}${luhnCheckDigit(`${siren}${nic}`)}`;
}

/** `12345678900012` → `123 456 789 00012`, as French sites print it. */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}
