import type { InteractionKind } from '../../features/employers/employer-detail';

/** How the mediator met the employer, as the log and its form name it. */
export const INTERACTION_KINDS: ReadonlyArray<{ id: InteractionKind; label: string }> = [
  { id: 'visit', label: 'Visite' },
  { id: 'call', label: 'Appel' },
  { id: 'email', label: 'E-mail' },
  { id: 'event', label: 'Événement' },
];

export const SIZE_BANDS = [
  { id: 'unknown', label: 'Non précisée' },
  { id: '0', label: 'Sans salarié' },
  { id: '1-9', label: '1 à 9 salariés' },
  { id: '10-49', label: '10 à 49 salariés' },
  { id: '50-249', label: '50 à 249 salariés' },
  { id: '250+', label: '250 salariés et plus' },
] as const;
export type SizeBand = (typeof SIZE_BANDS)[number]['id'];
