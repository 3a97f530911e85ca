import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  login,
  binary,
  pdfText,
  seedOrganisation,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';
import { acceptedIntroduction, type AcceptedIntroduction } from '../support/card-link-fixture.js';

const today = parisToday();
const start = addDays(today, 7);
const end = addDays(today, 18);
const french = (date: string): string => date.split('-').reverse().join('/');

interface ConventionBody {
  saved: boolean;
  status: string;
  tasks: string[];
  tutorName: string | null;
  startDate: string | null;
  signatures: Record<string, string | null>;
  parties: { personName: string; employerName: string; structureName: string };
}

interface ErrorBody {
  code: string;
  details: Array<{ field: string; reason: string }>;
}

const TERMS = {
  startDate: start,
  endDate: end,
  weeklyHours: 30,
  schedule: 'du mardi au samedi, 7 h – 13 h',
  workplace: '3 place du Marché, 59350 Lille',
  tasks: ['Accueillir les clients', 'Encaisser', 'Mettre en rayon les viennoiseries'],
  skillsToObserve: ['Ponctualité', 'Relation client'],
  objective: 'confirm_project',
  tutorName: 'Mme Durand',
  tutorRole: 'gérante',
  tutorPhone: '03 20 00 00 00',
  tutorEmail: 'durand@boulangerie.example',
};

describe('PMSMP convention of an introduction', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let introduction: AcceptedIntroduction;
  let staffBasRhin: TestUser;

  const as = (user: TestUser) => asUser(api, user);
  const path = (suffix = ''): string => `/introductions/${introduction.introductionId}/pmsmp${suffix}`;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    introduction = await acceptedIntroduction(api.url, org);
    const created = await as(org.admin)
      .post('/users', {
        email: 'staff.basrhin@test.passerelle.fr',
        displayName: 'staff.basrhin',
        structureId: org.structures.basRhin,
        roles: ['platform_staff'],
        password: TEST_PASSWORD,
      })
      .expect(201);
    const session = await login(api, 'staff.basrhin@test.passerelle.fr', TEST_PASSWORD).expect(200);
    staffBasRhin = {
      id: (created.body as { user: { id: string } }).user.id,
      email: 'staff.basrhin@test.passerelle.fr',
      password: TEST_PASSWORD,
      structureId: org.structures.basRhin,
      accessToken: (session.body as { accessToken: string }).accessToken,
      refreshToken: '',
    };
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('starts an unsaved convention from the job analysis, the employer’s contact and the parties', async () => {
    const response = await as(org.users.staffNord).get(path()).expect(200);
    const body = response.body as ConventionBody;
    expect(body).toMatchObject({
      saved: false,
      status: 'draft',
      tasks: ['Accueillir les clients', 'Encaisser'],
      tutorName: 'Mme Durand',
      parties: {
        personName: 'Jeannine Nomdefamille',
        employerName: 'Boulangerie du Marché',
        structureName: 'Département du Nord',
      },
    });
    const pdf = await as(org.users.staffNord).get(path('.pdf')).expect(422);
    expect(pdf.body).toMatchObject({ code: 'pmsmp.not_saved' });
  });

  it('refuses a convention before the interview stage, naming the status', async () => {
    const refused = await as(org.users.staffNord).put(path(), TERMS).expect(422);
    expect(refused.body).toMatchObject({ code: 'pmsmp.not_at_stage' });
    expect((refused.body as ErrorBody).details[0].field).toBe('status');
  });

  it('refuses invalid terms with the field and the reason', async () => {
    const staff = as(org.users.staffNord);
    const move = (body: object) =>
      staff.post(`/introductions/${introduction.introductionId}/transitions`, body).expect(200);
    await move({ to: 'employer_interested' });
    await move({
      to: 'interview',
      interviewAt: `${addDays(today, 2)}T09:00:00+01:00`,
      interviewPlace: 'À la boutique',
    });

    const badInput = await staff.put(path(), { ...TERMS, weeklyHours: 60, tasks: [], tutorEmail: 'pas-un-mail' });
    expect(badInput.status).toBe(400);
    const fields = (badInput.body as ErrorBody).details.map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['weeklyHours', 'tasks', 'tutorEmail']));

    const tooLong = await staff.put(path(), { ...TERMS, endDate: addDays(start, 40) }).expect(422);
    expect(tooLong.body).toMatchObject({ code: 'pmsmp.invalid' });
    expect((tooLong.body as ErrorBody).details).toEqual([
      { field: 'endDate', reason: expect.stringContaining('at most one month') as unknown as string },
    ]);
    const reversed = await staff.put(path(), { ...TERMS, endDate: addDays(start, -1) }).expect(422);
    expect((reversed.body as ErrorBody).details[0]).toMatchObject({ field: 'endDate' });
    const rows: unknown[] = await db.query('SELECT 1 FROM pmsmp_convention');
    expect(rows).toHaveLength(0);
  });

  it('saves the terms, tracks each party’s signature and freezes the terms once someone signed', async () => {
    const staff = as(org.users.staffNord);
    const saved = await staff.put(path(), TERMS).expect(200);
    expect(saved.body).toMatchObject({ saved: true, status: 'draft', startDate: start, tasks: TERMS.tasks });

    const future = await staff.post(path('/signatures'), { party: 'person', signedOn: addDays(today, 1) }).expect(422);
    expect((future.body as ErrorBody).details[0]).toMatchObject({ field: 'signedOn' });
    const unknownParty = await staff.post(path('/signatures'), { party: 'tutor', signedOn: today }).expect(400);
    expect((unknownParty.body as ErrorBody).details[0]).toMatchObject({ field: 'party' });

    const signing = await staff.post(path('/signatures'), { party: 'person', signedOn: today }).expect(200);
    expect(signing.body).toMatchObject({ status: 'signing', signatures: { person: today, employer: null } });
    const frozen = await staff.put(path(), { ...TERMS, weeklyHours: 20 }).expect(409);
    expect(frozen.body).toMatchObject({ code: 'pmsmp.signed' });

    // The referent coach records a signature too; the mediator the last one.
    await as(org.users.coachLille).post(path('/signatures'), { party: 'employer', signedOn: today }).expect(200);
    const signed = await staff.post(path('/signatures'), { party: 'prescriber', signedOn: today }).expect(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      signatures: { person: today, employer: today, prescriber: today },
    });
    const stored: Array<{ status: string; weekly_hours: string; employer_signed_on: string }> = await db.query(
      `SELECT status, weekly_hours, to_char(employer_signed_on, 'YYYY-MM-DD') AS employer_signed_on
       FROM pmsmp_convention WHERE introduction_id = $1`,
      [introduction.introductionId],
    );
    expect(stored).toEqual([{ status: 'signed', weekly_hours: '30.0', employer_signed_on: today }]);

    // A signature withdrawn (a mistake) takes the status back.
    const withdrawn = await staff.post(path('/signatures'), { party: 'employer', signedOn: null }).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'signing', signatures: { employer: null } });
    await staff.post(path('/signatures'), { party: 'employer', signedOn: today }).expect(200);
  });

  it('prints the parties, dates, tasks, tutor and signatures, and nothing of the person’s situation', async () => {
    const response = await binary(as(org.users.staffNord).get(path('.pdf'))).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="convention-pmsmp-${start}.pdf"`);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const text = pdfText(response.body as Buffer);
    for (const expected of [
      'Nom et prénom : Jeannine Nomdefamille',
      'Raison sociale : Boulangerie du Marché',
      'SIRET : 73282932000074',
      'Structure : Département du Nord',
      `Dates : du ${french(start)} au ${french(end)} inclus`,
      'Durée hebdomadaire : 30 heures par semaine',
      'Horaires : du mardi au samedi, 7 h – 13 h',
      '•  Mettre en rayon les viennoiseries',
      '•  Ponctualité',
      'Tuteur ou tutrice : Mme Durand, gérante',
      'Objectif : Confirmer un projet professionnel',
      'Poste : Vendeur en boulangerie',
      `Signé le ${french(today)}`,
    ])
      expect(text).toContain(expected);
    // The convention goes to the employer: no welfare status, no coaching detail.
    expect(text).not.toMatch(/\bRSA\b|revenu de solidarit|allocataire|bénéficiaire/i);
  });

  it('refuses the convention to other structures and to roles without mediation, whatever the route', async () => {
    const routes = [
      () => as(staffBasRhin).get(path()),
      () => as(staffBasRhin).put(path(), TERMS),
      () => as(staffBasRhin).post(path('/signatures'), { party: 'person', signedOn: null }),
      () => as(staffBasRhin).get(path('.pdf')),
      () => as(org.users.coachNord).get(path('.pdf')),
    ];
    for (const route of routes) {
      const response = await route();
      expect([response.status, (response.body as { code?: string }).code]).toEqual([404, 'introduction.not_found']);
    }
    await as(org.users.managerNord).get(path('.pdf')).expect(403);
    await request(api.url).get(path('.pdf')).expect(401);
    const stored: Array<{ person_signed_on: string | null }> = await db.query(
      `SELECT to_char(person_signed_on, 'YYYY-MM-DD') AS person_signed_on FROM pmsmp_convention`,
    );
    expect(stored).toEqual([{ person_signed_on: today }]);
  });

  it('audits every read, change, signature and download against the person', async () => {
    const rows: Array<{ actor_user_id: string; action: string; part: string }> = await db.query(
      `SELECT actor_user_id, action, details ->> 'part' AS part FROM audit_event
       WHERE subject_type = 'beneficiary' AND subject_id = $1 AND details ->> 'part' LIKE 'pmsmp%' ORDER BY id`,
      [introduction.beneficiaryId],
    );
    const staff = org.users.staffNord.id;
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_user_id: staff, action: 'read', part: 'pmsmp' },
        { actor_user_id: staff, action: 'update', part: 'pmsmp' },
        { actor_user_id: staff, action: 'update', part: 'pmsmp_signature' },
        { actor_user_id: org.users.coachLille.id, action: 'update', part: 'pmsmp_signature' },
        { actor_user_id: staff, action: 'export', part: 'pmsmp' },
      ]),
    );
    expect(rows.filter((row) => row.actor_user_id === staffBasRhin.id)).toEqual([]);
  });
});
