/** What a user does in Passerelle. A user has one or more roles, always within one structure. */
export const ROLES = ['coach', 'platform_staff', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const STRUCTURE_KINDS = ['departement', 'local_office', 'association', 'regional_platform', 'other'] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];
