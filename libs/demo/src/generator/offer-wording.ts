import type { DemoContractType, DemoPlatform, DemoSalary } from './demo-offer.js';
import type { Rng } from './prng.js';

/**
 * How each platform words the same facts. A cross-posted copy is reworded by its new platform, as
 * happens in reality (France Travail's form turns "1 850 € brut / mois" into "Mensuel de 1850.00
 * Euros sur 12 mois"), so de-duplication cannot rely on identical strings.
 */

/** `1801.8` → `1 801,80`; `1850` → `1 850` without cents. */
export function frenchAmount(value: number, withCents: boolean): string {
  const [units, cents] = value.toFixed(2).split('.') as [string, string];
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return withCents ? `${grouped},${cents}` : grouped;
}

/** `17.5` → `17,5`; `35` → `35`. */
export function frenchHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : String(hours).replace('.', ',');
}

function durationInWords(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 an' : `${months / 12} ans`;
  return `${months} mois`;
}

export interface ContractFacts {
  readonly type: DemoContractType;
  readonly apprenticeship: boolean;
  readonly durationMonths?: number;
}

export function contractLabel(platform: DemoPlatform, contract: ContractFacts): string {
  const months = contract.durationMonths;
  switch (platform) {
    case 'nordemploi':
      if (contract.apprenticeship) return 'Apprentissage';
      return { CDI: 'CDI', CDD: 'CDD', MIS: 'Intérim', SAI: 'Saisonnier' }[contract.type];
    case 'job-connexion':
      if (contract.apprenticeship) return `Contrat d’apprentissage (${months ?? 24} mois)`;
      if (contract.type === 'CDI') return 'CDI';
      if (months === undefined)
        return { CDD: 'CDD', MIS: 'Mission d’intérim', SAI: 'Contrat saisonnier' }[contract.type];
      return {
        CDD: `CDD de ${months} mois`,
        MIS: `Mission d’intérim de ${months} mois`,
        SAI: `Contrat saisonnier de ${months} mois`,
      }[contract.type];
    case 'france-travail': {
      const suffix = months === undefined ? '' : ` - ${months} Mois`;
      return {
        CDI: 'Contrat à durée indéterminée',
        CDD: `Contrat à durée déterminée${suffix}`,
        MIS: `Mission intérimaire${suffix}`,
        SAI: `Contrat travail saisonnier${suffix}`,
      }[contract.type];
    }
  }
}

/** Nordemploi shows the duration on its own line. */
export function contractDurationLabel(months: number | undefined): string | undefined {
  return months === undefined ? undefined : `${months} mois`;
}

export function workingTimeLabel(
  platform: DemoPlatform,
  fullTime: boolean,
  weeklyHours: number,
  schedule: string,
): string {
  const kind = fullTime ? 'Temps plein' : 'Temps partiel';
  switch (platform) {
    case 'nordemploi':
      return kind;
    case 'job-connexion':
      return `${kind} – ${frenchHours(weeklyHours)} h/semaine`;
    case 'france-travail': {
      // France Travail writes 17.5 hours as "17H30".
      const minutes = Math.round((weeklyHours % 1) * 60);
      return `${Math.floor(weeklyHours)}H${minutes === 0 ? '' : String(minutes).padStart(2, '0')} ${schedule}`;
    }
  }
}

/** Nordemploi shows the weekly hours on their own line. */
export function weeklyHoursLabel(weeklyHours: number): string {
  return `${frenchHours(weeklyHours)} h par semaine`;
}

export function experienceLabel(platform: DemoPlatform, requirement: 'D' | 'S' | 'E', months: number): string {
  if (requirement === 'D') return platform === 'job-connexion' ? 'Débutant(e) accepté(e)' : 'Débutant accepté';
  switch (platform) {
    case 'nordemploi': {
      const plural = months > 12 || (months < 12 && months > 1) ? 's' : '';
      return `${durationInWords(months)} d’expérience ${requirement === 'E' ? 'exigé' : 'souhaité'}${plural}`;
    }
    case 'job-connexion':
      return `Expérience ${requirement === 'E' ? 'exigée' : 'souhaitée'} : ${durationInWords(months)}`;
    case 'france-travail':
      return months % 12 === 0 ? `${months / 12} An(s)` : `${months} Mois`;
  }
}

const FT_LICENCES = { B: 'B - Véhicule léger', C: 'C - Poids lourd', D: 'D - Transport en commun' } as const;

export function licenceLabel(platform: DemoPlatform, category: 'B' | 'C' | 'D', required: boolean): string {
  switch (platform) {
    case 'nordemploi':
      return `Permis ${category} ${required ? 'exigé' : 'souhaité'}`;
    case 'job-connexion':
      return `Permis ${category} ${required ? 'indispensable' : 'apprécié'}`;
    case 'france-travail':
      return FT_LICENCES[category];
  }
}

export type SalaryFacts = Omit<DemoSalary, 'text'>;

/** France Travail prints amounts as "1801.80", sometimes "1801,80" (one style per text). */
function ftAmount(value: number, comma: boolean): string {
  const text = value.toFixed(2);
  return comma ? text.replace('.', ',') : text;
}

/** One of the wordings real offers use for this salary on this platform. */
export function salaryText(platform: DemoPlatform, salary: SalaryFacts, rng: Rng): string {
  const { period, min = 0, max, monthsPerYear = 12 } = salary;
  if (platform === 'france-travail') {
    if (period === 'none') return rng.pick(['Selon profil', 'Selon expérience', 'A négocier']);
    const word = { hour: 'Horaire', month: 'Mensuel', year: 'Annuel' }[period];
    const comma = rng.chance(0.3);
    const range =
      max === undefined
        ? `${ftAmount(min, comma)} Euros`
        : `${ftAmount(min, comma)} Euros à ${ftAmount(max, comma)} Euros`;
    return `${word} de ${range} sur ${monthsPerYear} mois`;
  }
  const cents = !Number.isInteger(min);
  const thirteenth = monthsPerYear === 13;
  if (platform === 'nordemploi') {
    switch (period) {
      case 'none':
        return rng.pick(['Selon profil', 'Selon expérience', 'À négocier', 'Selon convention collective']);
      case 'hour':
        return rng.pick([
          `${frenchAmount(min, true)} € brut de l’heure`,
          `Taux horaire : ${frenchAmount(min, true)} € brut`,
        ]);
      case 'year':
        return `${frenchAmount(min, false)} € brut annuel`;
      case 'month': {
        if (max !== undefined) {
          return `Entre ${frenchAmount(min, false)} € et ${frenchAmount(max, false)} € brut par mois${thirteenth ? ' sur 13 mois' : ''}`;
        }
        const amount = frenchAmount(min, cents);
        const text = rng.pick([
          `${amount} € brut mensuel`,
          `${amount} € brut par mois`,
          `Salaire : ${amount} € brut/mois`,
        ]);
        return thirteenth ? `${text} + 13e mois` : text;
      }
    }
  }
  switch (period) {
    case 'none':
      return rng.pick(['Salaire selon profil', 'Rémunération selon grille', 'Selon expérience']);
    case 'hour':
      return rng.pick([`${frenchAmount(min, true)} €/h brut`, `${frenchAmount(min, true)} € brut/heure`]);
    case 'year':
      return `${frenchAmount(min, false)} €/an brut`;
    case 'month': {
      const text =
        max === undefined
          ? `${frenchAmount(min, cents)} € brut / mois`
          : `de ${frenchAmount(min, false)} à ${frenchAmount(max, false)} € brut mensuels`;
      return thirteenth ? `${text} + 13e mois` : text;
    }
  }
}
