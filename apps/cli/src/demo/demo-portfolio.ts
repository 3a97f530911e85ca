import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addDays,
  AddBarrier,
  type BarrierKind,
  type Diagnostic,
  GrantConsent,
  parisToday,
  RecordCoachingEvent,
  RegisterBeneficiary,
  SaveDiagnostic,
  SignCer,
  UpdateBeneficiary,
} from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { type Actor, CreateStructure, CreateUser, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { seedDemoOutcomes } from './demo-outcomes.js';

export const DEMO_COACH_EMAIL = 'coach.demo@passerelle.local';
export const DEMO_MANAGER_EMAIL = 'responsable.demo@passerelle.local';
export const DEMO_MEDIATOR_EMAIL = 'mediation.demo@passerelle.local';
const DEMO_EMAILS = [DEMO_COACH_EMAIL, DEMO_MANAGER_EMAIL, DEMO_MEDIATOR_EMAIL];
const DONE_KEY = 'demo.portfolio_seeded';

interface DemoPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly inseeCode: string;
  readonly orientedDaysAgo: number;
  /** Days ago the CER started (null: not signed yet). */
  readonly cerDaysAgo: number | null;
  readonly lastContactDaysAgo: number | null;
  readonly experiences: Diagnostic['experiences'];
  readonly maxDistanceKm: number;
  readonly drivingLicence: boolean;
  readonly contractTypes: Diagnostic['contractTypes'];
  readonly workingTime: Diagnostic['workingTime'];
  readonly constraints: Diagnostic['constraints'];
  readonly barriers: ReadonlyArray<{ kind: BarrierKind; description?: string; healthNote?: string }>;
  readonly cvDeposited: boolean;
  /** Certificates the coach wrote in the diagnostic (none when absent). */
  readonly certificates?: readonly string[];
}

// Fictitious people: names chosen to be plausible and not to point at anyone.
const PEOPLE: readonly DemoPerson[] = [
  {
    firstName: 'Nadia',
    lastName: 'Exemple',
    inseeCode: '59350',
    orientedDaysAgo: 70,
    cerDaysAgo: 60,
    lastContactDaysAgo: 3,
    experiences: [{ romeCode: 'K2205', months: 72, employerKind: 'company' }],
    maxDistanceKm: 15,
    drivingLicence: false,
    contractTypes: ['cdi', 'cdd'],
    workingTime: 'any',
    constraints: ['school_hours'],
    barriers: [{ kind: 'childcare', description: 'Deux enfants scolarisés, pas de mode de garde le mercredi.' }],
    cvDeposited: true,
  },
  {
    firstName: 'Karim',
    lastName: 'Démo',
    inseeCode: '59512',
    orientedDaysAgo: 100,
    cerDaysAgo: 85,
    lastContactDaysAgo: 20,
    experiences: [{ romeCode: 'N1103', months: 30, employerKind: 'interim' }],
    certificates: ['CACES R489 cat. 3'],
    maxDistanceKm: 25,
    drivingLicence: true,
    contractTypes: ['cdi', 'cdd', 'interim'],
    workingTime: 'full_time',
    constraints: [],
    barriers: [{ kind: 'debt', description: 'Plan de surendettement en cours.' }],
    cvDeposited: true,
  },
  {
    firstName: 'Sylvie',
    lastName: 'Fictive',
    inseeCode: '59599',
    orientedDaysAgo: 40,
    cerDaysAgo: 30,
    lastContactDaysAgo: 8,
    experiences: [
      { romeCode: 'J1501', months: 18, employerKind: 'association' },
      { romeCode: 'K1302', months: 24, employerKind: 'individual' },
    ],
    maxDistanceKm: 20,
    drivingLicence: true,
    contractTypes: ['cdi', 'cdd'],
    workingTime: 'part_time',
    constraints: ['no_night'],
    barriers: [{ kind: 'health', healthNote: 'Port de charges lourdes déconseillé (avis médecin).' }],
    cvDeposited: false,
  },
  {
    firstName: 'Julien',
    lastName: 'Imaginaire',
    inseeCode: '59183',
    orientedDaysAgo: 20,
    cerDaysAgo: null,
    lastContactDaysAgo: 15,
    experiences: [{ romeCode: 'G1603', months: 12, employerKind: 'company' }],
    maxDistanceKm: 30,
    drivingLicence: false,
    contractTypes: ['cdi', 'cdd', 'saisonnier'],
    workingTime: 'any',
    constraints: [],
    barriers: [{ kind: 'mobility', description: 'Pas de véhicule, dépend des bus.' }],
    cvDeposited: false,
  },
  {
    firstName: 'Fatou',
    lastName: 'Modèle',
    inseeCode: '59350',
    orientedDaysAgo: 95,
    cerDaysAgo: 80,
    lastContactDaysAgo: 2,
    experiences: [{ romeCode: 'G1605', months: 36, employerKind: 'company' }],
    maxDistanceKm: 10,
    drivingLicence: false,
    contractTypes: ['cdi', 'cdd', 'interim'],
    workingTime: 'any',
    constraints: ['no_weekend'],
    barriers: [{ kind: 'language', description: 'Français oral courant, écrit à consolider.' }],
    cvDeposited: true,
  },
  {
    firstName: 'Thierry',
    lastName: 'Essai',
    inseeCode: '59606',
    orientedDaysAgo: 60,
    cerDaysAgo: 45,
    lastContactDaysAgo: 30,
    experiences: [{ romeCode: 'F1703', months: 120, employerKind: 'company' }],
    maxDistanceKm: 40,
    drivingLicence: true,
    contractTypes: ['cdi', 'cdd', 'interim'],
    workingTime: 'full_time',
    constraints: [],
    barriers: [{ kind: 'housing', description: 'Hébergé chez un proche.' }],
    cvDeposited: false,
  },
  {
    firstName: 'Amandine',
    lastName: 'Témoin',
    inseeCode: '59512',
    orientedDaysAgo: 15,
    cerDaysAgo: 10,
    lastContactDaysAgo: 1,
    experiences: [{ romeCode: 'D1505', months: 48, employerKind: 'company' }],
    maxDistanceKm: 15,
    drivingLicence: true,
    contractTypes: ['cdi', 'cdd'],
    workingTime: 'part_time',
    constraints: ['school_hours'],
    barriers: [],
    cvDeposited: true,
  },
  {
    firstName: 'Mehdi',
    lastName: 'Spécimen',
    inseeCode: '59350',
    orientedDaysAgo: 85,
    cerDaysAgo: 78,
    lastContactDaysAgo: 5,
    experiences: [{ romeCode: 'N4105', months: 24, employerKind: 'company' }],
    maxDistanceKm: 30,
    drivingLicence: true,
    contractTypes: ['cdi', 'cdd', 'interim'],
    workingTime: 'any',
    constraints: [],
    barriers: [{ kind: 'administrative', description: 'Renouvellement du titre de séjour en cours.' }],
    cvDeposited: true,
  },
  {
    firstName: 'Claire',
    lastName: 'Exemplaire',
    inseeCode: '67482',
    orientedDaysAgo: 50,
    cerDaysAgo: 40,
    lastContactDaysAgo: 12,
    experiences: [{ romeCode: 'G1803', months: 30, employerKind: 'company' }],
    maxDistanceKm: 20,
    drivingLicence: false,
    contractTypes: ['cdi', 'cdd', 'saisonnier'],
    workingTime: 'any',
    constraints: [],
    barriers: [{ kind: 'digital', description: 'Pas d’ordinateur, smartphone seulement.' }],
    cvDeposited: false,
  },
  {
    firstName: 'Patrick',
    lastName: 'Hypothèse',
    inseeCode: '68224',
    orientedDaysAgo: 30,
    cerDaysAgo: 25,
    lastContactDaysAgo: 16,
    experiences: [{ romeCode: 'N1101', months: 60, employerKind: 'interim' }],
    maxDistanceKm: 35,
    drivingLicence: true,
    contractTypes: ['cdi', 'interim'],
    workingTime: 'full_time',
    constraints: [],
    barriers: [],
    cvDeposited: true,
  },
  {
    firstName: 'Leïla',
    lastName: 'Maquette',
    inseeCode: '59599',
    orientedDaysAgo: 8,
    cerDaysAgo: null,
    lastContactDaysAgo: null,
    experiences: [{ jobTitle: 'Aide à domicile', months: 14, employerKind: 'association' }],
    maxDistanceKm: 15,
    drivingLicence: false,
    contractTypes: ['cdi', 'cdd'],
    workingTime: 'part_time',
    constraints: ['no_night'],
    barriers: [{ kind: 'childcare', description: 'Enfant de 2 ans, place en crèche demandée.' }],
    cvDeposited: false,
  },
  {
    firstName: 'Bruno',
    lastName: 'Prototype',
    inseeCode: '59183',
    orientedDaysAgo: 88,
    cerDaysAgo: 83,
    lastContactDaysAgo: 9,
    experiences: [
      { romeCode: 'D1507', months: 20, employerKind: 'company' },
      { romeCode: 'N1105', months: 10, employerKind: 'interim' },
    ],
    maxDistanceKm: 25,
    drivingLicence: false,
    contractTypes: ['cdi', 'cdd', 'interim'],
    workingTime: 'any',
    constraints: [],
    barriers: [{ kind: 'mobility', description: 'Permis B en préparation.' }],
    cvDeposited: true,
  },
];

export interface DemoPortfolio {
  readonly email: string;
  /** The same password for the three demo accounts. */
  readonly password: string;
  readonly managerEmail: string;
  readonly mediatorEmail: string;
  readonly beneficiaries: number;
}

/**
 * Demo mode: a structure, a coach and a dozen fictitious beneficiaries with varied diagnostics,
 * CERs and contacts (some raising alerts), so matched offers can be tried at once. Runs once: it
 * does nothing when the demo coach exists. The password is printed once by `start`.
 */
export async function seedDemoPortfolio(app: INestApplicationContext): Promise<DemoPortfolio | null> {
  const dataSource = app.get(DataSource);
  const done: unknown[] = await dataSource.query(`SELECT 1 FROM app_setting WHERE key = $1`, [DONE_KEY]);
  if (done.length > 0) return null;
  // A start stopped half-way through left a partial demo: it goes, and the demo is made again.
  await dataSource.transaction(async (manager) => {
    const users: Array<{ id: string; structure_id: string }> = await manager.query(
      'SELECT id, structure_id FROM app_user WHERE email = ANY($1::text[])',
      [DEMO_EMAILS],
    );
    for (const structureId of new Set(users.map((user) => user.structure_id))) {
      await manager.query('DELETE FROM beneficiary WHERE structure_id = $1', [structureId]);
      await manager.query('DELETE FROM employer WHERE structure_id = $1', [structureId]);
    }
    await manager.query('DELETE FROM user_notification WHERE user_id = ANY($1::uuid[])', [users.map((u) => u.id)]);
    await manager.query('DELETE FROM app_user WHERE id = ANY($1::uuid[])', [users.map((u) => u.id)]);
    for (const structureId of new Set(users.map((user) => user.structure_id)))
      await manager.query('DELETE FROM structure WHERE id = $1', [structureId]);
  });
  const system: Actor = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] };
  const structure = await app
    .get(CreateStructure)
    .execute(system, { name: 'Département du Nord — démonstration', kind: 'departement' });
  const password = `demo-${randomBytes(12).toString('base64url')}`;
  const { user } = await app.get(CreateUser).execute(system, {
    email: DEMO_COACH_EMAIL,
    displayName: 'Camille Coach (démo)',
    structureId: structure.id,
    roles: ['coach'],
    password,
  });
  const coach: Actor = { userId: user.id, structureId: structure.id, roles: ['coach'] };
  await app.get(CreateUser).execute(system, {
    email: DEMO_MANAGER_EMAIL,
    displayName: 'Dominique Responsable (démo)',
    structureId: structure.id,
    roles: ['manager'],
    password,
  });
  const { user: mediator } = await app.get(CreateUser).execute(system, {
    email: DEMO_MEDIATOR_EMAIL,
    displayName: 'Sami Médiation (démo)',
    structureId: structure.id,
    roles: ['platform_staff'],
    password,
  });
  const today = parisToday(app.get(Clock).now());
  const ago = (days: number): string => addDays(today, -days);
  for (const person of PEOPLE) {
    const beneficiary = await app.get(RegisterBeneficiary).execute(coach, {
      firstName: person.firstName,
      lastName: person.lastName,
      commune: { inseeCode: person.inseeCode },
      orientationDate: ago(person.orientedDaysAgo),
    });
    await app.get(SaveDiagnostic).execute(coach, beneficiary.id, {
      experiences: person.experiences,
      skills: [],
      desiredOccupations: [],
      drivingLicence: person.drivingLicence,
      vehicle: person.drivingLicence,
      maxDistanceKm: person.maxDistanceKm,
      contractTypes: person.contractTypes,
      workingTime: person.workingTime,
      constraints: person.constraints,
      availabilityDate: today,
      digitalAutonomy: 'basic',
      languages: [{ code: 'fr', level: 'native' }],
      certificates: [...(person.certificates ?? [])],
    });
    for (const barrier of person.barriers)
      await app.get(AddBarrier).execute(coach, beneficiary.id, { status: 'identified', ...barrier });
    if (person.cerDaysAgo !== null)
      await app.get(SignCer).execute(coach, beneficiary.id, {
        signedOn: ago(person.cerDaysAgo),
        startDate: ago(person.cerDaysAgo),
        beneficiaryCommitments: ['Participer aux rendez-vous hebdomadaires', 'Rechercher activement un emploi'],
        serviceCommitments: ['Proposer des offres adaptées', 'Accompagner les démarches de garde et de mobilité'],
      });
    if (person.lastContactDaysAgo !== null)
      await app.get(RecordCoachingEvent).execute(coach, beneficiary.id, {
        kind: 'meeting',
        occurredOn: ago(person.lastContactDaysAgo),
        note: 'Point hebdomadaire.',
      });
    if (person.cvDeposited)
      await app.get(UpdateBeneficiary).execute(coach, beneficiary.id, {
        cvPlatform: person.inseeCode.startsWith('6') ? 'job_connexion' : 'nordemploi',
        cvDepositedOn: ago(Math.min(5, person.orientedDaysAgo)),
      });
    if (person.cvDeposited) await app.get(GrantConsent).execute(coach, beneficiary.id, 'share_profile_with_employers');
  }
  await dataSource.transaction((manager) =>
    seedDemoOutcomes(manager, { structureId: structure.id, coachId: user.id, mediatorId: mediator.id }, today),
  );
  await dataSource.query(`INSERT INTO app_setting (key, value) VALUES ($1, 'true'::jsonb) ON CONFLICT DO NOTHING`, [
    DONE_KEY,
  ]);
  return {
    email: DEMO_COACH_EMAIL,
    password,
    managerEmail: DEMO_MANAGER_EMAIL,
    mediatorEmail: DEMO_MEDIATOR_EMAIL,
    beneficiaries: PEOPLE.length,
  };
}
