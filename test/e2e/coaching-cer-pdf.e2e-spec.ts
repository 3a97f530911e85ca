import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  binary,
  pdfText,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

const today = parisToday();
const french = (date: string): string => date.split('-').reverse().join('/');
const HEALTH_CANARY = 'Canari-lombalgie';
const BARRIER_CANARY = 'Canari-surendettement';

describe('the CER as a PDF the person keeps', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let personId: string;
  let cerId: string;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);
  const pdfPath = (): string => `/beneficiaries/${personId}/cers/${cerId}/pdf`;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const created = await coach()
      .post('/beneficiaries', {
        firstName: 'Amélie',
        lastName: 'Lefèvre',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -30),
      })
      .expect(201);
    personId = (created.body as { id: string }).id;
    await coach()
      .post(`/beneficiaries/${personId}/barriers`, { kind: 'health', status: 'identified', healthNote: HEALTH_CANARY })
      .expect(201);
    await coach()
      .post(`/beneficiaries/${personId}/barriers`, { kind: 'debt', status: 'identified', description: BARRIER_CANARY })
      .expect(201);
    const cer = await coach()
      .post(`/beneficiaries/${personId}/cers`, {
        signedOn: addDays(today, -10),
        startDate: addDays(today, -10),
        beneficiaryCommitments: ['Passer le permis B', 'Répondre à deux offres par semaine'],
        serviceCommitments: ['Financer le code de la route'],
      })
      .expect(201);
    cerId = (cer.body as { id: string }).id;
    await coach()
      .post(`/beneficiaries/${personId}/objectives`, {
        title: 'Obtenir le permis B',
        dueOn: addDays(today, 80),
        cerId,
        commitment: 'Passer le permis B',
        steps: [
          { label: 'Inscription à l’auto-école', dueOn: addDays(today, 15) },
          { label: 'Réunir les pièces', doneOn: addDays(today, -2) },
        ],
      })
      .expect(201);
    await coach().post(`/beneficiaries/${personId}/objectives`, { title: 'Objectif hors contrat' }).expect(201);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('gives the referent a PDF with the commitments, the CER’s objectives and their steps, in plain French', async () => {
    const response = await binary(coach().get(pdfPath())).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="contrat-engagements-${addDays(today, -10)}.pdf"`,
    );
    const text = pdfText(response.body as Buffer);
    for (const expected of [
      'Mon contrat d’engagements réciproques (CER)',
      'Vos nom et prénom : Amélie Lefèvre',
      'Votre conseiller·ère : coach.lille',
      `Signé le : ${french(addDays(today, -10))}`,
      'Où en est-il : en cours',
      '•  Passer le permis B',
      '•  Répondre à deux offres par semaine',
      '•  Financer le code de la route',
      `Obtenir le permis B (à commencer, pour le ${french(addDays(today, 80))})`,
      `•  à faire avant le ${french(addDays(today, 15))} : Inscription à l’auto-école`,
      `•  fait le ${french(addDays(today, -2))} : Réunir les pièces`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Objectif hors contrat');
    expect(text).not.toContain(HEALTH_CANARY);
    expect(text).not.toContain(BARRIER_CANARY);
  });

  it('is an export of the file, audited against the person', async () => {
    const rows: Array<{ action: string }> = await db.query(
      `SELECT action FROM audit_event WHERE actor_user_id = $1 AND subject_id = $2
         AND details ->> 'part' = 'cer_pdf' AND details ->> 'cerId' = $3`,
      [org.users.coachLille.id, personId, cerId],
    );
    expect(rows).toEqual([{ action: 'export' }]);
  });

  it('is refused outside the file’s reach: another portfolio, platform staff, another département, no session', async () => {
    for (const user of [org.users.coachNord, org.users.staffNord, org.users.managerBasRhin]) {
      const response = await as(user).get(pdfPath()).expect(404);
      expect((response.body as { code: string }).code).toBe('beneficiary.not_found');
    }
    await request(api.url).get(pdfPath()).expect(401);
    const unknown = await coach().get(`/beneficiaries/${personId}/cers/6f1c2f5e-0b7a-4c1e-9a53-3f0d2b9c8e41/pdf`);
    expect([unknown.status, (unknown.body as { code: string }).code]).toEqual([404, 'cer.not_found']);
    // The manager of the person's structure reads the file, so the CER too.
    await binary(as(org.users.managerNord).get(pdfPath())).expect(200);
  });
});
