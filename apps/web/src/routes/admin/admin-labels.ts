import type { components } from '../../api/types';
import { labelsOf } from '../../ui/forms';
import { ROLE_LABELS } from '../../ui/labels';

export type User = components['schemas']['UserResponse'];
export type Role = User['roles'][number];
type StructureKind = components['schemas']['StructureResponse']['kind'];

/** The roles an account may have, each with what it does. */
export const ROLES: ReadonlyArray<{ id: Role; label: string; hint: string }> = [
  { id: 'coach', label: ROLE_LABELS.coach, hint: 'accompagne un portefeuille de personnes' },
  { id: 'platform_staff', label: ROLE_LABELS.platform_staff, hint: 'employeurs, offres et mises en relation' },
  { id: 'manager', label: ROLE_LABELS.manager, hint: 'indicateurs, affectations, journal d’accès' },
  { id: 'admin', label: ROLE_LABELS.admin, hint: 'comptes et structures' },
];

export const KINDS: ReadonlyArray<{ id: StructureKind; label: string }> = [
  { id: 'departement', label: 'Département' },
  { id: 'local_office', label: 'Antenne locale' },
  { id: 'association', label: 'Association' },
  { id: 'regional_platform', label: 'Plateforme régionale' },
  { id: 'other', label: 'Autre' },
];
export const KIND_LABELS = labelsOf(KINDS);
