import { normalizeText } from './text.js';

export const CONTRACT_TYPES = [
  'cdi',
  'cdd',
  'interim',
  'alternance',
  'saisonnier',
  'pmsmp',
  'independant',
  'other',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_LABELS: Record<ContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  alternance: 'Alternance',
  saisonnier: 'Saisonnier',
  pmsmp: 'PMSMP (immersion)',
  independant: 'Indépendant',
  other: 'Autre',
};

// Order matters: "CDD saisonnier" is seasonal work, "contrat d'apprentissage en CDI" is alternance.
const CONTRACT_PATTERNS: ReadonlyArray<[RegExp, ContractType]> = [
  [/\b(apprentissage|apprenti|alternance|contrat (de )?professionnalisation|contrat pro)\b/, 'alternance'],
  [/\b(pmsmp|immersion|mise en situation)\b/, 'pmsmp'],
  [/\b(saisonnier|saisonniere|saison)\b/, 'saisonnier'],
  [/\b(interim|interimaire|mis|mission interimaire|travail temporaire|ctt)\b/, 'interim'],
  [/\b(cdi|contrat a duree indeterminee|duree indeterminee)\b/, 'cdi'],
  [/\b(cdd|contrat a duree determinee|duree determinee|dde|cdd insertion|cddi)\b/, 'cdd'],
  [/\b(liberale?|independante?|franchise|auto entrepreneur|freelance|lib)\b/, 'independant'],
];

/** The contract type a source wrote ("CDI", "Contrat à durée déterminée - 6 mois", "MIS"), or `other`. */
export function parseContractType(text: string | undefined): ContractType {
  if (!text) return 'other';
  const normalized = normalizeText(text);
  return CONTRACT_PATTERNS.find(([pattern]) => pattern.test(normalized))?.[1] ?? 'other';
}

/** A contract length in months from "6 mois", "CDD - 12 Mois", "3 semaines", "1 an", "45 jours". */
export function parseDurationMonths(text: string | undefined): number | null {
  if (!text) return null;
  const match = /(\d+(?:[.,]\d+)?)\s*(mois|semaines?|jours?|ans?|annees?)\b/.exec(
    normalizeText(text).replace(/(\d) (\d)/g, '$1.$2'),
  );
  if (!match) return null;
  const value = Number(match[1].replace(',', '.'));
  const unit = match[2];
  const months = unit.startsWith('mois')
    ? value
    : unit.startsWith('semaine')
      ? value / 4.33
      : unit.startsWith('jour')
        ? value / 30.4
        : value * 12;
  return Math.round(months * 10) / 10;
}

export type WorkingTime = 'full_time' | 'part_time' | 'unknown';

export interface WorkingTimeFacts {
  readonly workingTime: WorkingTime;
  readonly weeklyHours: number | null;
}

/** "Temps plein", "35H/semaine", "Temps partiel - 24 h", "24H Horaires normaux", "Temps partiel". */
export function parseWorkingTime(workingTime: string | undefined, weeklyHours?: string): WorkingTimeFacts {
  const text = normalizeText(`${workingTime ?? ''} ${weeklyHours ?? ''}`);
  const hoursMatch = /(\d{1,2}(?:[.,]\d{1,2})?)\s*h(?:eures?)?(?:\s*(\d{2}))?/.exec(
    text.replace(/(\d) (\d{2}) h/, '$1.$2 h'),
  );
  let hours: number | null = null;
  if (hoursMatch) {
    hours = Number(hoursMatch[1].replace(',', '.')) + (hoursMatch[2] ? Number(hoursMatch[2]) / 60 : 0);
    if (hours <= 0 || hours > 60) hours = null;
  } else if (weeklyHours && /^\d+(?:[.,]\d+)?$/.test(weeklyHours.trim())) {
    hours = Number(weeklyHours.trim().replace(',', '.'));
  }
  let kind: WorkingTime = 'unknown';
  if (/temps partiel|partiel|part time|mi temps/.test(text)) kind = 'part_time';
  else if (/temps plein|temps complet|full time|plein temps/.test(text)) kind = 'full_time';
  else if (hours !== null) kind = hours >= 35 ? 'full_time' : 'part_time';
  return { workingTime: kind, weeklyHours: hours === null ? null : Math.round(hours * 100) / 100 };
}
