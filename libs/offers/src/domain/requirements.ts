import { normalizeText } from './text.js';

const LICENCE_CATEGORIES = ['AM', 'A1', 'A2', 'A', 'BE', 'B', 'C1E', 'C1', 'CE', 'C', 'D1', 'DE', 'D'] as const;

/**
 * Driving licence categories a text asks for: "Permis B", "B - Véhicule léger", "Permis C (poids
 * lourd) exigé", "Permis B souhaité". FIMO/FCO and CACES are kept as requirements, not licences.
 */
export function parseDrivingLicences(text: string | undefined): string[] {
  if (!text) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(/\bpermis\s+([A-E][0-9]?E?)\b|^\s*([A-E][0-9]?E?)\s*(?:[-–]|$)/gim)) {
    const category = (match[1] ?? match[2] ?? '').toUpperCase();
    if ((LICENCE_CATEGORIES as readonly string[]).includes(category)) found.add(category);
  }
  const normalized = normalizeText(text);
  if (/\bvehicule leger\b/.test(normalized)) found.add('B');
  if (/\bpoids lourds?\b|\bspl\b/.test(normalized)) found.add('C');
  return [...found].sort();
}

/** Months of experience asked for: "Débutant accepté" → 0, "2 ans" → 24, "6 mois" → 6, "Expérience exigée de 1 An(s)" → 12. */
export function parseExperienceMonths(text: string | undefined): number | null {
  if (!text) return null;
  const normalized = normalizeText(text);
  if (/\bdebutant|sans experience|aucune experience|premiere experience bienvenue/.test(normalized)) return 0;
  const match = /(\d+)\s*(ans?|annees?|mois)\b/.exec(normalized);
  if (!match) return null;
  return match[2].startsWith('mois') ? Number(match[1]) : Number(match[1]) * 12;
}
