/** The journal's kinds of entry, the barriers and the aids, as the file names them. */

export const EVENT_LABELS: Record<string, string> = {
  meeting: 'Entretien',
  call: 'Appel',
  email: 'E-mail',
  workshop: 'Atelier',
  application: 'Candidature',
  training: 'Formation',
  pmsmp: 'PMSMP',
  cv_work: 'Travail sur le CV',
  aid_request: 'Demande d’aide',
};
/** The kinds the journal form offers (an aid request has its own section). */
export const EVENT_OPTIONS = Object.entries(EVENT_LABELS)
  .filter(([kind]) => kind !== 'aid_request')
  .map(([id, label]) => ({ id, label }));

export const BARRIER_LABELS: Record<string, string> = {
  mobility: 'Mobilité',
  childcare: 'Garde d’enfants',
  housing: 'Logement',
  debt: 'Endettement',
  health: 'Santé',
  digital: 'Numérique',
  language: 'Langue',
  administrative: 'Démarches administratives',
};
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
