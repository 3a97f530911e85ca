import { randomUUID } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import type { BeneficiaryRow } from '../application/ports/beneficiary-access.js';
import type { NewBeneficiary } from '../domain/beneficiary.js';
import type { NewCer } from '../domain/cer.js';
import { addDays, parisToday } from '../domain/coaching.js';

/** The structure every builder puts people and staff in unless told otherwise. */
export const A_STRUCTURE = '00000000-0000-4000-8000-000000000059';

/** The actor of the nightly jobs and maintenance commands (the worker's retention pass). */
export const SYSTEM: Actor = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] };

/** A coach (an actor with the `coach` role) of `A_STRUCTURE`. */
export function aCoach(overrides: Partial<Actor> = {}): Actor {
  return { userId: randomUUID(), structureId: A_STRUCTURE, roles: ['coach'], ...overrides };
}

/** A manager of `A_STRUCTURE` (and of its sub-structures). */
export function aManager(overrides: Partial<Actor> = {}): Actor {
  return { userId: randomUUID(), structureId: A_STRUCTURE, roles: ['manager'], ...overrides };
}

/** A person's file as stored: oriented 30 days ago in `A_STRUCTURE`, no referent yet, living in Roubaix. */
export function aBeneficiary(overrides: Partial<BeneficiaryRow> = {}): BeneficiaryRow {
  const now = new Date();
  return {
    id: randomUUID(),
    structure_id: A_STRUCTURE,
    referent_user_id: null,
    first_name: 'Camille',
    last_name: 'Martin',
    birth_date: '1990-04-12',
    email: 'camille.martin@example.org',
    phone: '0600000000',
    address: '1 rue de Lannoy',
    commune_insee: '59512',
    home_departement: '59',
    commune_name: 'Roubaix',
    postal_code: '59100',
    orientation_date: addDays(parisToday(), -30),
    status: 'oriented',
    exit_reason: null,
    reoriented_to: null,
    ended_on: null,
    cv_platform: null,
    cv_deposited_on: null,
    erased_at: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** What a coach fills in to register a person (oriented today, Roubaix). */
export function aNewBeneficiary(overrides: Partial<NewBeneficiary> = {}): NewBeneficiary {
  return {
    firstName: 'Camille',
    lastName: 'Martin',
    birthDate: '1990-04-12',
    commune: { inseeCode: '59512' },
    orientationDate: parisToday(),
    ...overrides,
  };
}

/** A CER signed and starting today, for the default length. */
export function aNewCer(overrides: Partial<NewCer> = {}): NewCer {
  const today = parisToday();
  return {
    signedOn: today,
    startDate: today,
    beneficiaryCommitments: ['venir aux rendez-vous'],
    serviceCommitments: ['proposer des offres'],
    ...overrides,
  };
}
