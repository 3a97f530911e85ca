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

interface ErrorBody {
  code?: string;
  details: Array<{ field: string; reason: string }>;
}

/**
 * The everyday file: a journal note is never blank and an entry can be deleted (by its author or the referent
 * coach; kept as deleted, audited); barriers change status and carry actions; aid requests are decided; the
 * person's export holds their jobs and follow-ups, in JSON and in a readable French version.
 */
describe('coaching: journal, barriers, aid requests and the readable export', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let id: string;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const created = await coach()
      .post('/beneficiaries', {
        firstName: 'Leïla',
        lastName: 'Journal',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -60),
      })
      .expect(201);
    id = (created.body as { id: string }).id;
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('refuses a blank note, a note over 2,000 characters and a future date, each by its field', async () => {
    for (const note of ['', '   \n ']) {
      const refused = await coach()
        .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: today, note })
        .expect(400);
      expect((refused.body as ErrorBody).details.map((detail) => detail.field)).toContain('note');
    }
    const long = await coach()
      .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: today, note: 'x'.repeat(2001) })
      .expect(400);
    expect((long.body as ErrorBody).details).toContainEqual({
      field: 'note',
      reason: 'note must be shorter than or equal to 2000 characters',
    });
    const future = await coach()
      .post(`/beneficiaries/${id}/events`, { kind: 'call', occurredOn: addDays(today, 1), note: 'demain' })
      .expect(422);
    expect(future.body).toMatchObject({ code: 'event.invalid' });
    expect((future.body as ErrorBody).details).toEqual([{ field: 'occurredOn', reason: 'must not be in the future' }]);
    const rows: unknown[] = await db.query('SELECT 1 FROM coaching_event WHERE beneficiary_id = $1', [id]);
    expect(rows).toHaveLength(0);
  });

  it('deletes an entry: gone from the file and the last contact, kept in the table as deleted, audited', async () => {
    const kept = await coach()
      .post(`/beneficiaries/${id}/events`, { kind: 'call', occurredOn: addDays(today, -3), note: 'appel gardé' })
      .expect(201);
    const wrong = await coach()
      .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: today, note: 'saisi par erreur' })
      .expect(201);
    const wrongId = (wrong.body as { id: string }).id;

    // Another coach does not reach the file at all.
    await as(org.users.coachNord).delete(`/beneficiaries/${id}/events/${wrongId}`).expect(404);
    await coach().delete(`/beneficiaries/${id}/events/${wrongId}`).expect(200);
    await coach().delete(`/beneficiaries/${id}/events/${wrongId}`).expect(404);

    const file = await coach().get(`/beneficiaries/${id}`).expect(200);
    const events = (file.body as { events: Array<{ id: string }> }).events;
    expect(events.map((event) => event.id)).toEqual([(kept.body as { id: string }).id]);
    const portfolio = await coach().get('/beneficiaries').expect(200);
    const entry = (portfolio.body as { items: Array<{ id: string; lastContactOn: string | null }> }).items.find(
      (item) => item.id === id,
    );
    expect(entry?.lastContactOn).toBe(addDays(today, -3));

    const [row]: Array<{ deleted_at: Date | null; deleted_by: string | null; note: string }> = await db.query(
      'SELECT deleted_at, deleted_by, note FROM coaching_event WHERE id = $1',
      [wrongId],
    );
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by).toBe(org.users.coachLille.id);
    const audit: Array<{ details: { part?: string; deletedEventId?: string } }> = await db.query(
      `SELECT details FROM audit_event WHERE subject_type = 'beneficiary' AND subject_id = $1 AND action = 'update'
         AND actor_user_id = $2`,
      [id, org.users.coachLille.id],
    );
    expect(audit.map((entry) => entry.details)).toContainEqual({ part: 'event', deletedEventId: wrongId });
  });

  it('moves a barrier from identified to in progress to resolved, with its actions', async () => {
    const created = await coach()
      .post(`/beneficiaries/${id}/barriers`, { kind: 'mobility', status: 'identified', description: 'pas de bus' })
      .expect(201);
    const barrierId = (created.body as { id: string }).id;
    const moving = await coach()
      .patch(`/beneficiaries/${id}/barriers/${barrierId}`, { status: 'in_progress', actions: 'aide au permis' })
      .expect(200);
    expect(moving.body).toMatchObject({ status: 'in_progress', actions: 'aide au permis', resolvedAt: null });
    const resolved = await coach()
      .patch(`/beneficiaries/${id}/barriers/${barrierId}`, { status: 'resolved' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', actions: 'aide au permis' });
    const [row]: Array<{ status: string; actions: string; resolved_at: Date | null }> = await db.query(
      'SELECT status, actions, resolved_at FROM barrier WHERE id = $1',
      [barrierId],
    );
    expect(row).toMatchObject({ status: 'resolved', actions: 'aide au permis' });
    expect(row.resolved_at).not.toBeNull();
    const long = await coach()
      .patch(`/beneficiaries/${id}/barriers/${barrierId}`, { actions: 'y'.repeat(2001) })
      .expect(400);
    expect((long.body as ErrorBody).details.map((detail) => detail.field)).toEqual(['actions']);
  });

  it('decides an aid request, which then stays in the journal', async () => {
    const asked = await coach()
      .post(`/beneficiaries/${id}/events`, {
        kind: 'aid_request',
        occurredOn: today,
        note: 'abonnement de bus',
        aid: { kind: 'mobility', amount: 60 },
      })
      .expect(201);
    const aidId = (asked.body as { id: string }).id;
    const decided = await coach()
      .patch(`/beneficiaries/${id}/events/${aidId}/aid`, { decision: 'granted', amount: 45.5 })
      .expect(200);
    expect(decided.body).toMatchObject({ aid: { kind: 'mobility', amount: 45.5, decision: 'granted' } });
    const refused = await coach().delete(`/beneficiaries/${id}/events/${aidId}`).expect(409);
    expect((refused.body as ErrorBody).code).toBe('event.aid_decided');
  });

  it('exports the jobs and follow-ups too, and a readable French version with labels, not codes', async () => {
    const placement = await coach()
      .post('/placements', {
        beneficiaryId: id,
        employerName: 'Boulangerie du Beffroi',
        foundBy: 'self',
        contractType: 'cdd',
        contractMonths: 7,
        weeklyHours: 24.5,
        startDate: addDays(today, -5),
      })
      .expect(201);
    expect((placement.body as { id: string }).id).toBeDefined();

    const json = await coach().get(`/beneficiaries/${id}/export`).expect(200);
    const body = json.body as {
      format: string;
      jobs: Array<{ employerName: string; contractType: string; durable: boolean }>;
      followUps: Array<{ milestone: string; employerName: string | null }>;
    };
    expect(body.format).toBe('passerelle.beneficiary-export.v2');
    expect(body.jobs).toEqual([
      expect.objectContaining({ employerName: 'Boulangerie du Beffroi', contractType: 'cdd', durable: true }),
    ]);
    expect(body.followUps.map((followUp) => followUp.milestone)).toEqual(['m1', 'm3', 'm6']);

    const readable = await coach().get(`/beneficiaries/${id}/export.txt`).expect(200);
    expect(readable.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(readable.headers['content-disposition']).toContain('attachment');
    const text = readable.text;
    for (const expected of [
      'DOSSIER PASSERELLE',
      'Prénom : Leïla',
      'Mobilité — levé',
      'Actions : aide au permis',
      'Appel : appel gardé',
      'aide mobilité de 45,5 €, accordée',
      'CDD de 7 mois chez Boulangerie du Beffroi',
      '24,5 h par semaine',
      '(emploi durable)',
      'Point à 1 mois après la prise de poste (Boulangerie du Beffroi)',
      'Pas encore de réponse.',
      'consultation par ',
    ])
      expect(text).toContain(expected);
    // Labels, not codes or English keys; the deleted entry is not there.
    for (const code of [
      'in_progress',
      'resolved',
      'aid_request',
      'granted',
      'mobility',
      'cdd',
      'm1',
      'saisi par erreur',
    ])
      expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    await as(org.users.managerNord).get(`/beneficiaries/${id}/export.txt`).expect(403);
  });
});
