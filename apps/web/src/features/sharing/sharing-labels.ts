import type { components } from '../../api/types';

export type SharedPart = components['schemas']['ShareRequest']['parts'][number];

/** The parts of a file a share may show, in the order the file shows them. */
export const SHARED_PARTS: ReadonlyArray<{ id: SharedPart; label: string }> = [
  { id: 'contact', label: 'Coordonnées' },
  { id: 'diagnostic', label: 'Diagnostic' },
  { id: 'barriers', label: 'Freins' },
  { id: 'cers', label: 'CER' },
  { id: 'objectives', label: 'Plan d’action' },
  { id: 'journal', label: 'Journal' },
];

export const SHARED_PART_LABELS: Record<string, string> = Object.fromEntries(
  SHARED_PARTS.map((part) => [part.id, part.label]),
);

/** « Freins, Journal, note de santé » */
export const sharedPartsText = (parts: readonly string[], healthNoteVisible: boolean): string =>
  [...parts.map((part) => SHARED_PART_LABELS[part] ?? part), ...(healthNoteVisible ? ['note de santé'] : [])].join(
    ', ',
  );
