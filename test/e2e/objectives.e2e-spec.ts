import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

const today = parisToday();

interface Objective {
  id: string;
  title: string;
  status: string;
  dueOn: string | null;
  barrierId: string | null;
  cerId: string | null;
  commitment: string | null;
  steps: Array<{ label: string; dueOn: string | null; doneOn: string | null }>;
}
interface ErrorBody {
  code: string;
  details: Array<{ field: string; reason: string }>;
}

/**
 * The action plan: the referent coach adds objectives with steps and due dates, tied to a barrier
 * and a CER commitment of the person; they show on the file, in the JSON and readable exports, and
 * go with anonymisation. Another portfolio's coach reads and writes none of them (404), a manager
 * reads but does not write, and links to another person's barrier or CER are refused.
 */
describe('objectives: the person’s action plan', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let personId: string;
  let otherId: string;
  let barrierId: string;
  let otherBarrierId: string;
  let cerId: string;
  let objectiveId: string;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);

  const register = async (user: TestUser, firstName: string): Promise<string> => {
    const created = await as(user)
      .post('/beneficiaries', {
        firstName,
        lastName: 'Plan',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -30),
      })
      .expect(201);
    return (created.body as { id: string }).id;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    personId = await register(org.users.coachLille, 'Amina');
    otherId = await register(org.users.coachNord, 'Olivier');
    const barrier = await coach()
      .post(`/beneficiaries/${personId}/barriers`, {
        kind: 'mobility',
        status: 'identified',
        description: 'pas de permis',
      })
      .expect(201);
    barrierId = (barrier.body as { id: string }).id;
    const other = await as(org.users.coachNord)
      .post(`/beneficiaries/${otherId}/barriers`, { kind: 'housing', status: 'identified' })
      .expect(201);
    otherBarrierId = (other.body as { id: string }).id;
    const cer = await coach()
      .post(`/beneficiaries/${personId}/cers`, {
        signedOn: addDays(today, -10),
        startDate: addDays(today, -10),
        beneficiaryCommitments: ['Passer le permis B'],
        serviceCommitments: ['Financer le code de la route'],
      })
      .expect(201);
    cerId = (cer.body as { id: string }).id;
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('the referent adds an objective with steps, tied to a barrier and a CER commitment; the file shows it', async () => {
    const created = await coach()
      .post(`/beneficiaries/${personId}/objectives`, {
        title: 'Obtenir le permis B',
        dueOn: addDays(today, 180),
        barrierId,
        cerId,
        commitment: 'Passer le permis B',
        steps: [
          { label: 'Inscription à l’auto-école', dueOn: addDays(today, 15) },
          { label: 'Code de la route', dueOn: addDays(today, 90) },
        ],
      })
      .expect(201);
    const objective = created.body as Objective;
    objectiveId = objective.id;
    expect(objective).toMatchObject({
      title: 'Obtenir le permis B',
      status: 'planned',
      barrierId,
      cerId,
      commitment: 'Passer le permis B',
      steps: [
        { label: 'Inscription à l’auto-école', dueOn: addDays(today, 15), doneOn: null },
        { label: 'Code de la route', dueOn: addDays(today, 90), doneOn: null },
      ],
    });
    const file = await coach().get(`/beneficiaries/${personId}`).expect(200);
    expect((file.body as { objectives: Objective[] }).objectives.map((item) => item.id)).toEqual([objectiveId]);
  });

  it('marks a step done and the objective in progress; a step done in the future is refused by field', async () => {
    const changed = await coach()
      .patch(`/beneficiaries/${personId}/objectives/${objectiveId}`, {
        status: 'in_progress',
        steps: [
          { label: 'Inscription à l’auto-école', dueOn: addDays(today, 15), doneOn: today },
          { label: 'Code de la route', dueOn: addDays(today, 90) },
        ],
      })
      .expect(200);
    expect(changed.body).toMatchObject({ status: 'in_progress', commitment: 'Passer le permis B' });
    expect((changed.body as Objective).steps[0].doneOn).toBe(today);
    const future = await coach()
      .patch(`/beneficiaries/${personId}/objectives/${objectiveId}`, {
        steps: [{ label: 'Code', doneOn: addDays(today, 1) }],
      })
      .expect(422);
    expect((future.body as ErrorBody).details).toEqual([
      { field: 'steps.0.doneOn', reason: 'must not be in the future' },
    ]);
  });

  it('refuses another person’s barrier, a commitment the CER does not state, a commitment without its CER', async () => {
    const cases: Array<[object, string]> = [
      [{ barrierId: otherBarrierId }, 'barrierId'],
      [{ cerId, commitment: 'Trouver un logement' }, 'commitment'],
      [{ commitment: 'Passer le permis B' }, 'cerId'],
    ];
    for (const [link, field] of cases) {
      const refused = await coach()
        .post(`/beneficiaries/${personId}/objectives`, { title: 'Essai', ...link })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'objective.invalid' });
      expect((refused.body as ErrorBody).details.map((detail) => detail.field)).toEqual([field]);
    }
    const blank = await coach().post(`/beneficiaries/${personId}/objectives`, { title: '   ' }).expect(400);
    expect((blank.body as ErrorBody).details.map((detail) => detail.field)).toContain('title');
    const rows: unknown[] = await db.query('SELECT 1 FROM objective');
    expect(rows).toHaveLength(1);
  });

  it('another portfolio’s coach neither reads nor changes the objectives (404); a manager reads, does not write (403)', async () => {
    await as(org.users.coachNord).get(`/beneficiaries/${personId}/objectives`).expect(404);
    await as(org.users.coachNord).get(`/beneficiaries/${personId}`).expect(404);
    await as(org.users.coachNord)
      .patch(`/beneficiaries/${personId}/objectives/${objectiveId}`, { status: 'abandoned' })
      .expect(404);
    await as(org.users.coachNord).post(`/beneficiaries/${personId}/objectives`, { title: 'Intrusion' }).expect(404);
    // The objective of one person cannot be changed through another person's path.
    await as(org.users.coachNord)
      .patch(`/beneficiaries/${otherId}/objectives/${objectiveId}`, { status: 'abandoned' })
      .expect(404);
    await as(org.users.managerBasRhin).get(`/beneficiaries/${personId}/objectives`).expect(404);
    const read = await as(org.users.managerNord).get(`/beneficiaries/${personId}/objectives`).expect(200);
    expect((read.body as { items: Objective[] }).items).toHaveLength(1);
    await as(org.users.managerNord)
      .patch(`/beneficiaries/${personId}/objectives/${objectiveId}`, { status: 'abandoned' })
      .expect(403);
    const [row] = await db.query('SELECT status FROM objective WHERE id = $1', [objectiveId]);
    expect(row.status).toBe('in_progress');
    const audited: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE actor_user_id = $1 AND subject_id = $2 AND details->>'part' = 'objectives'`,
      [org.users.managerNord.id, personId],
    );
    expect(audited).toHaveLength(1);
  });

  it('the person’s exports hold the action plan, in JSON and in French', async () => {
    const exported = await coach().get(`/beneficiaries/${personId}/export`).expect(200);
    expect((exported.body as { file: { objectives: Objective[] } }).file.objectives).toEqual([
      expect.objectContaining({ id: objectiveId, title: 'Obtenir le permis B', commitment: 'Passer le permis B' }),
    ]);
    const readable = await coach().get(`/beneficiaries/${personId}/export.txt`).expect(200);
    expect(readable.text).toContain('OBJECTIFS (PLAN D’ACTION)');
    expect(readable.text).toContain('- Obtenir le permis B — en cours');
    expect(readable.text).toContain('  Frein travaillé : Mobilité');
    expect(readable.text).toContain('  Engagement du CER : Passer le permis B');
    expect(readable.text).toMatch(/ {2}\[x\] Inscription à l’auto-école .*— fait le /);
  });

  it('anonymising the file deletes its objectives', async () => {
    await as(org.users.managerNord).post(`/beneficiaries/${personId}/erasure`).expect(200);
    const [person] = await db.query('SELECT erased_at FROM beneficiary WHERE id = $1', [personId]);
    expect(person.erased_at).not.toBeNull();
    const rows: unknown[] = await db.query('SELECT 1 FROM objective WHERE beneficiary_id = $1', [personId]);
    expect(rows).toHaveLength(0);
  });
});
