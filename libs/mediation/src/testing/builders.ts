import { randomUUID } from 'node:crypto';
import type { Actor } from '@passerelle/identity';
import type { EmployerView } from '../application/ports/employer-store.js';
import type {
  IntroductionRow,
  IntroductionView,
  OfferForIntroduction,
} from '../application/ports/introduction-store.js';
import type { CandidateCard } from '../domain/candidate-card.js';
import { allowedNext } from '../domain/introduction.js';

/** The structures the builders use: a département's platform above a local structure. */
export const STRUCTURES = {
  departement: '10000000-0000-4000-8000-000000000059',
  lille: '10000000-0000-4000-8000-000000000001',
  elsewhere: '10000000-0000-4000-8000-000000000067',
} as const;

/** A mediator (platform staff) of the local structure. */
export function aMediator(overrides: Partial<Actor> = {}): Actor {
  return { userId: randomUUID(), structureId: STRUCTURES.lille, roles: ['platform_staff'], ...overrides };
}

/** A coach of the local structure. */
export function aCoach(overrides: Partial<Actor> = {}): Actor {
  return { userId: randomUUID(), structureId: STRUCTURES.lille, roles: ['coach'], ...overrides };
}

export function anEmployer(overrides: Partial<EmployerView> = {}): EmployerView {
  return {
    id: randomUUID(),
    siret: null,
    name: 'Boulangerie Paul',
    sector: null,
    sizeBand: null,
    communeInsee: '59350',
    communeName: 'Lille',
    structureId: STRUCTURES.lille,
    ...overrides,
  };
}

export function aCard(overrides: Partial<CandidateCard> = {}): CandidateCard {
  return {
    firstName: 'Jeannine',
    headline: 'Vendeuse en boulangerie — 3 ans d’expérience',
    skills: ['Accueillir une clientèle'],
    qualities: ['Sens du contact'],
    experiences: [{ label: 'Vendeuse en boulangerie', months: 36 }],
    availability: null,
    mobility: { drivingLicence: false, vehicle: false, maxDistanceKm: 10 },
    languages: ['français'],
    note: null,
    ...overrides,
  };
}

/** An introduction as stored (`proposed`, no card yet unless given). */
export function anIntroduction(overrides: Partial<IntroductionRow> = {}): IntroductionRow {
  return {
    id: randomUUID(),
    beneficiary_id: randomUUID(),
    employer_id: randomUUID(),
    employer_name: 'Boulangerie Paul',
    offer_id: null,
    offer_title: null,
    structure_id: STRUCTURES.lille,
    status: 'proposed',
    interview_at: null,
    interview_place: null,
    trial_start: null,
    trial_end: null,
    decline_reason: null,
    card: null,
    created_by: randomUUID(),
    ...overrides,
  };
}

/** An introduction as its readers see it (ReadIntroduction's answer). */
export function anIntroductionView(overrides: Partial<IntroductionView> = {}): IntroductionView {
  const status = overrides.status ?? 'proposed';
  return {
    id: randomUUID(),
    beneficiaryId: randomUUID(),
    employerId: randomUUID(),
    employerName: 'Boulangerie Paul',
    offerId: null,
    offerTitle: null,
    status,
    next: allowedNext(status),
    interviewAt: null,
    interviewPlace: null,
    trialStart: null,
    trialEnd: null,
    declineReason: null,
    card: null,
    cardValidation: null,
    events: [],
    ...overrides,
  };
}

/** An open offer as an introduction reads it (no employer on file unless given). */
export function anOfferForIntroduction(overrides: Partial<OfferForIntroduction> = {}): OfferForIntroduction {
  return {
    analysisEmployerId: null,
    status: 'open',
    employerName: null,
    employerSiret: null,
    communeInsee: '59350',
    communeName: 'Lille',
    ...overrides,
  };
}
