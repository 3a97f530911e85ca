import type { components } from '../../api/types';

type EventRequest = components['schemas']['EventRequest'];
type BarrierRequest = components['schemas']['BarrierRequest'];

/** The journal's kinds of entry, the barriers and the aids, as the file names them. */

/** The journal's kinds of entry, in the order the form offers them. */
export const EVENT_KINDS = [
  { id: 'meeting', label: 'Entretien' },
  { id: 'call', label: 'Appel' },
  { id: 'email', label: 'E-mail' },
  { id: 'workshop', label: 'Atelier' },
  { id: 'application', label: 'Candidature' },
  { id: 'training', label: 'Formation' },
  { id: 'pmsmp', label: 'PMSMP' },
  { id: 'cv_work', label: 'Travail sur le CV' },
  { id: 'aid_request', label: 'Demande d’aide' },
] as const satisfies ReadonlyArray<{ id: EventRequest['kind']; label: string }>;
export const EVENT_LABELS: Record<string, string> = Object.fromEntries(
  EVENT_KINDS.map((kind) => [kind.id, kind.label]),
);
/** The kinds the journal form offers (an aid request has its own section). */
export const EVENT_OPTIONS = EVENT_KINDS.filter((kind) => kind.id !== 'aid_request');
export type EventKind = (typeof EVENT_KINDS)[number]['id'];

/** The kinds of barrier, in the order the form offers them. */
export const BARRIER_KINDS = [
  { id: 'mobility', label: 'Mobilité' },
  { id: 'childcare', label: 'Garde d’enfants' },
  { id: 'housing', label: 'Logement' },
  { id: 'debt', label: 'Endettement' },
  { id: 'health', label: 'Santé' },
  { id: 'digital', label: 'Numérique' },
  { id: 'language', label: 'Langue' },
  { id: 'administrative', label: 'Démarches administratives' },
] as const satisfies ReadonlyArray<{ id: BarrierRequest['kind']; label: string }>;
export type BarrierKind = (typeof BARRIER_KINDS)[number]['id'];
export const BARRIER_LABELS: Record<string, string> = Object.fromEntries(
  BARRIER_KINDS.map((kind) => [kind.id, kind.label]),
);
export const BARRIER_STATUSES = [
  { id: 'identified', label: 'Repéré' },
  { id: 'in_progress', label: 'En cours' },
  { id: 'resolved', label: 'Levé' },
] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number]['id'];
export const BARRIER_STATUS_LABELS: Record<string, string> = {
  identified: 'repéré',
  in_progress: 'en cours',
  resolved: 'levé',
};

export const AID_KINDS = [
  { id: 'mobility', label: 'Mobilité' },
  { id: 'childcare', label: 'Garde d’enfants' },
  { id: 'equipment', label: 'Équipement' },
  { id: 'other', label: 'Autre' },
] as const;
export type AidKind = (typeof AID_KINDS)[number]['id'];
export const AID_LABELS: Record<string, string> = Object.fromEntries(AID_KINDS.map((kind) => [kind.id, kind.label]));
export const DECISION_LABELS: Record<string, string> = {
  pending: 'en attente',
  granted: 'accordée',
  refused: 'refusée',
};

/** A person's coaching status, as the file's header says it. */
export const STATUS_LABELS: Record<string, string> = {
  oriented: 'orienté·e',
  in_coaching: 'en accompagnement',
  ended: 'accompagnement terminé',
  reoriented: 'réorienté·e',
};
