import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  login,
  seedOrganisation,
  startApi,
  TEST_PASSWORD,
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

interface SharedFile {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  barriers: Array<{ kind: string; healthNote?: string | null }>;
  events: Array<{ note: string | null }>;
  objectives: Array<{ title: string }>;
  cers: unknown[];
  consents: unknown[];
  referents: unknown[];
  sharedAccess: { shareId: string; parts: string[]; healthNoteVisible: boolean; endsOn: string } | null;
}

/**
 * Shared files: the referent coach shares chosen parts of a person's file with another coach until a
 * date, only with the person's consent; the recipient reads only those parts (the health note only
 * when the person agreed), each read audited as shared; the share ends after its last day on the
 * application's clock, on revocation or when the consent is withdrawn, at once.
 */
describe('coaching: sharing a file with another professional', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let clock: Clock;
  let id: string;
  let healthBarrierId: string;
  const as = (user: TestUser) => asUser(api, user);
  const referent = () => as(org.users.coachLille);
  const colleague = () => as(org.users.coachNord);
  const shareBody = (changes: object = {}) => ({
    recipientUserId: org.users.coachNord.id,
    parts: ['barriers', 'journal'],
    healthNoteVisible: false,
    endsOn: addDays(today, 10),
    ...changes,
  });
  const shareRows = async (): Promise<Array<{ id: string; revoked_at: Date | null }>> =>
    db.query('SELECT id, revoked_at FROM beneficiary_share WHERE beneficiary_id = $1 ORDER BY created_at', [id]);
  const liveShareId = async (): Promise<string> => {
    const live = (await shareRows()).filter((row) => row.revoked_at === null);
    expect(live).toHaveLength(1);
    return live[0].id;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    clock = api.app.get(Clock);
    const created = await referent()
      .post('/beneficiaries', {
        firstName: 'Nadia',
        lastName: 'Partage',
        email: 'nadia.partage@example.org',
        phone: '0601020304',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -60),
      })
      .expect(201);
    id = (created.body as { id: string }).id;
    const health = await referent()
      .post(`/beneficiaries/${id}/barriers`, {
        kind: 'health',
        status: 'identified',
        healthNote: 'lombalgie chronique',
      })
      .expect(201);
    healthBarrierId = (health.body as { id: string }).id;
    await referent()
      .post(`/beneficiaries/${id}/barriers`, { kind: 'mobility', status: 'in_progress', description: 'pas de permis' })
      .expect(201);
    await referent()
      .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: today, note: 'premier entretien' })
      .expect(201);
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('refuses to share without the person’s consent, with the reason, and records no share', async () => {
    const refused = await referent().post(`/beneficiaries/${id}/shares`, shareBody()).expect(422);
    expect(refused.body).toMatchObject({ code: 'share.no_consent' });
    expect((refused.body as ErrorBody).details).toEqual([
      { field: 'consent', reason: 'share_file_with_professionals is not in force' },
    ]);
    expect(await shareRows()).toEqual([]);
  });

  it('refuses, by field, no part, a health note without the barriers, an end date past or too far, and a recipient who is not another active coach', async () => {
    await referent().post(`/beneficiaries/${id}/consents`, { purpose: 'share_file_with_professionals' }).expect(201);
    const refusal = async (changes: object, status = 422): Promise<ErrorBody> =>
      (await referent().post(`/beneficiaries/${id}/shares`, shareBody(changes)).expect(status)).body as ErrorBody;
    expect((await refusal({ parts: [] })).details).toEqual([
      { field: 'parts', reason: 'choose at least one part of the file' },
    ]);
    expect((await refusal({ parts: ['journal'], healthNoteVisible: true })).details).toEqual([
      { field: 'healthNoteVisible', reason: 'the health note is shown with the barriers only' },
    ]);
    expect((await refusal({ endsOn: addDays(today, -1) })).details).toEqual([
      { field: 'endsOn', reason: 'must be today or later' },
    ]);
    expect((await refusal({ endsOn: addDays(today, 93) })).details).toEqual([
      { field: 'endsOn', reason: 'at most 92 days from today' },
    ]);
    for (const recipient of [org.users.coachLille, org.users.staffNord, org.users.managerNord]) {
      const body = await refusal({ recipientUserId: recipient.id });
      expect(body).toMatchObject({ code: 'share.unknown_recipient' });
    }
    expect((await refusal({ parts: ['health_note'] }, 400)).details.map((detail) => detail.field)).toContain('parts');
    expect(await shareRows()).toEqual([]);
  });

  it('refuses a coach of another département, with the reason, and lists only the coaches of the referent’s département', async () => {
    // A coach of the Bas-Rhin (another département's tree); the Nord's coaches are in UT Lille and the département itself.
    const created = await request(api.url)
      .post('/users')
      .auth(org.admin.accessToken, { type: 'bearer' })
      .send({
        email: 'coach.basrhin@test.passerelle.fr',
        displayName: 'coach.basrhin',
        structureId: org.structures.basRhin,
        roles: ['coach'],
        password: TEST_PASSWORD,
      })
      .expect(201);
    const elsewhere = (created.body as { user: { id: string } }).user.id;
    const refused = await referent()
      .post(`/beneficiaries/${id}/shares`, shareBody({ recipientUserId: elsewhere }))
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'share.other_departement',
      details: [{ field: 'recipientUserId', reason: 'a coach of the referent’s département' }],
    });
    expect((refused.body as { message: string }).message).toBeTruthy();
    expect(await shareRows()).toEqual([]);
    const recipients = (await referent().get('/file-shares/recipients').expect(200)).body as Array<{ userId: string }>;
    expect(recipients.map((recipient) => recipient.userId)).toEqual([org.users.coachNord.id]);
  });

  it('lets the recipient read only the parts shared, the health barrier hidden altogether, each read audited as a shared access', async () => {
    const shared = await referent().post(`/beneficiaries/${id}/shares`, shareBody()).expect(201);
    const shareId = await liveShareId();
    expect(shared.body).toMatchObject({ id: shareId, recipientUserId: org.users.coachNord.id, revokedAt: null });
    const before: Array<{ n: string }> = await db.query(
      `SELECT count(*) AS n FROM audit_event WHERE subject_id = $1 AND actor_user_id = $2 AND action = 'read'`,
      [id, org.users.coachNord.id],
    );
    const file = (await colleague().get(`/beneficiaries/${id}`).expect(200)).body as SharedFile;
    expect(file.firstName).toBe('Nadia');
    expect(file.email).toBeNull();
    expect(file.phone).toBeNull();
    expect(file.cers).toEqual([]);
    expect(file.consents).toEqual([]);
    expect(file.referents).toEqual([]);
    expect(file.events.map((event) => event.note)).toEqual(['premier entretien']);
    // Without the person's agreement to share health information, not even the category shows.
    expect(file.barriers.map((barrier) => barrier.kind)).toEqual(['mobility']);
    expect(JSON.stringify(file)).not.toContain('lombalgie');
    expect(JSON.stringify(file)).not.toContain(healthBarrierId);
    expect(file.sharedAccess).toMatchObject({ shareId, parts: ['barriers', 'journal'], healthNoteVisible: false });
    const audited: Array<{ details: Record<string, unknown> }> = await db.query(
      `SELECT details FROM audit_event WHERE subject_id = $1 AND actor_user_id = $2 AND action = 'read'
       ORDER BY occurred_at`,
      [id, org.users.coachNord.id],
    );
    expect(audited).toHaveLength(Number(before[0].n) + 1);
    expect(audited.at(-1)?.details).toMatchObject({ via: 'share', shareId });

    const received = (await colleague().get('/file-shares/received').expect(200)).body as Array<{
      beneficiaryId: string;
      grantedByName: string;
    }>;
    expect(received.map((share) => share.beneficiaryId)).toEqual([id]);
    const listed: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE subject_id = $1 AND actor_user_id = $2 AND action = 'list'
       AND details->>'view' = 'file_shares_received'`,
      [id, org.users.coachNord.id],
    );
    expect(listed).toHaveLength(1);
    // The referent still reads the whole file, and a second share with the same coach is refused.
    const whole = (await referent().get(`/beneficiaries/${id}`).expect(200)).body as SharedFile;
    expect(whole.sharedAccess).toBeNull();
    expect(whole.email).toBe('nadia.partage@example.org');
    await referent().post(`/beneficiaries/${id}/shares`, shareBody()).expect(409);
  });

  it('gives nothing else through a share: no other route, no portfolio entry, no re-sharing, nothing to outsiders', async () => {
    const portfolio = (await colleague().get('/beneficiaries').expect(200)).body as { items: Array<{ id: string }> };
    expect(portfolio.items.map((entry) => entry.id)).not.toContain(id);
    await colleague().get(`/beneficiaries/${id}/objectives`).expect(404);
    await colleague().get(`/beneficiaries/${id}/export`).expect(404);
    await colleague().get(`/beneficiaries/${id}/shares`).expect(404);
    await colleague()
      .post(`/beneficiaries/${id}/events`, { kind: 'call', occurredOn: today, note: 'appel' })
      .expect(404);
    await colleague()
      .post(`/beneficiaries/${id}/shares`, shareBody({ recipientUserId: org.users.coachLille.id }))
      .expect(404);
    await as(org.users.staffNord).get(`/beneficiaries/${id}`).expect(404);
    await as(org.users.staffNord).get(`/beneficiaries/${id}/shares`).expect(403);
    await as(org.users.managerBasRhin).get(`/beneficiaries/${id}`).expect(404);
    expect((await as(org.users.staffNord).get('/file-shares/received').expect(200)).body).toEqual([]);
  });

  it('ends the share after its last day on the application’s clock', async () => {
    // Sessions follow the same clock: the colleague logs in again on each moved day.
    const colleagueOn = async (at: Date) => {
      clock.set(at);
      const session = await login(api, org.users.coachNord.email, TEST_PASSWORD).expect(200);
      const token = (session.body as { accessToken: string }).accessToken;
      return (path: string) => request(api.url).get(path).auth(token, { type: 'bearer' });
    };
    const lastDay = addDays(today, 10);
    // 21:00 in Paris on the last day: still in force.
    await (await colleagueOn(new Date(`${lastDay}T20:00:00Z`)))(`/beneficiaries/${id}`).expect(200);
    const dayAfter = await colleagueOn(new Date(`${addDays(lastDay, 1)}T12:00:00Z`));
    await dayAfter(`/beneficiaries/${id}`).expect(404);
    expect((await dayAfter('/file-shares/received').expect(200)).body).toEqual([]);
  });

  it('shows the health barrier, its note and the objectives tied to it only when the share says the person agreed to it', async () => {
    await referent()
      .post(`/beneficiaries/${id}/objectives`, { title: 'Consulter le médecin du travail', barrierId: healthBarrierId })
      .expect(201);
    await referent().post(`/beneficiaries/${id}/objectives`, { title: 'Passer le permis' }).expect(201);
    const objectivesOf = (file: SharedFile): string[] => file.objectives.map((objective) => objective.title).sort();

    await referent()
      .delete(`/beneficiaries/${id}/shares/${await liveShareId()}`)
      .expect(200);
    await referent()
      .post(`/beneficiaries/${id}/shares`, shareBody({ parts: ['barriers', 'objectives'] }))
      .expect(201);
    const withoutHealth = (await colleague().get(`/beneficiaries/${id}`).expect(200)).body as SharedFile;
    expect(withoutHealth.barriers.map((barrier) => barrier.kind)).toEqual(['mobility']);
    expect(objectivesOf(withoutHealth)).toEqual(['Passer le permis']);
    expect(JSON.stringify(withoutHealth)).not.toContain(healthBarrierId);

    await referent()
      .delete(`/beneficiaries/${id}/shares/${await liveShareId()}`)
      .expect(200);
    await referent()
      .post(`/beneficiaries/${id}/shares`, shareBody({ parts: ['barriers', 'objectives'], healthNoteVisible: true }))
      .expect(201);
    const file = (await colleague().get(`/beneficiaries/${id}`).expect(200)).body as SharedFile;
    expect(file.barriers.find((barrier) => barrier.kind === 'health')?.healthNote).toBe('lombalgie chronique');
    expect(objectivesOf(file)).toEqual(['Consulter le médecin du travail', 'Passer le permis']);
    expect(file.events).toEqual([]);
  });

  it('ends the share at once on revocation, and a revoked share cannot be revoked again', async () => {
    const shareId = await liveShareId();
    await colleague().get(`/beneficiaries/${id}`).expect(200);
    const revoked = await referent().delete(`/beneficiaries/${id}/shares/${shareId}`).expect(200);
    expect(revoked.body).toMatchObject({ id: shareId, revokedBy: org.users.coachLille.id });
    const listed = (await referent().get(`/beneficiaries/${id}/shares`).expect(200)).body as Array<{ id: string }>;
    expect(listed.map((share) => share.id)).toContain(shareId);
    await colleague().get(`/beneficiaries/${id}`).expect(404);
    expect((await colleague().get('/file-shares/received').expect(200)).body).toEqual([]);
    await referent().delete(`/beneficiaries/${id}/shares/${shareId}`).expect(404);
    const audited: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE subject_id = $1 AND action = 'update' AND details->>'shareId' = $2`,
      [id, shareId],
    );
    expect(audited).toHaveLength(1);
  });

  it('ends every share when the person withdraws their consent, and lists the shares in the person’s export', async () => {
    await referent()
      .post(`/beneficiaries/${id}/shares`, shareBody({ parts: ['contact'] }))
      .expect(201);
    expect(((await colleague().get(`/beneficiaries/${id}`).expect(200)).body as SharedFile).email).toBe(
      'nadia.partage@example.org',
    );
    await referent().delete(`/beneficiaries/${id}/consents/share_file_with_professionals`).expect(200);
    await colleague().get(`/beneficiaries/${id}`).expect(404);
    const exported = (await referent().get(`/beneficiaries/${id}/export`).expect(200)).body as {
      shares: Array<{ recipientName: string; parts: string[] }>;
    };
    expect(exported.shares.map((share) => share.parts)).toEqual([
      ['contact'],
      ['barriers', 'objectives'],
      ['barriers', 'objectives'],
      ['barriers', 'journal'],
    ]);
    const readable = await referent().get(`/beneficiaries/${id}/export.txt`).expect(200);
    expect(readable.text).toContain('PARTAGES DU DOSSIER AVEC D’AUTRES PROFESSIONNELS');
    expect(readable.text).toMatch(/: freins, [^,\n]+, note de santé \(révoqué le/);
  });
});
