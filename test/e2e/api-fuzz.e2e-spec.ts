import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import request from 'supertest';
import { addDays, parisToday } from '@passerelle/coaching';
import { hash32, Rng } from '@passerelle/demo';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { openApiDocument } from '../../apps/api/src/openapi/openapi-document.js';
import {
  bodyCases,
  type Components,
  fillPath,
  type FuzzCase,
  pathCases,
  type Schema,
  summarise,
  validValue,
  wholeBodyCases,
} from '../support/fuzz-requests.js';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
type WriteMethod = (typeof WRITE_METHODS)[number];

/** Kept under the default so the run stays light; the 100k-character values still fit. */
const BODY_LIMIT_BYTES = 256 * 1024;
/** Random (field, wrong value) pairs per route and role, on top of the systematic cases. */
const SAMPLED_PER_ROUTE = 15;
/** Cases each further role with access gets, drawn from the first role's. */
const SAMPLED_PER_OTHER_ROLE = 5;
const CONCURRENCY = 4;

interface Route {
  readonly method: WriteMethod;
  /** OpenAPI template: /beneficiaries/{id}. */
  readonly template: string;
  readonly schema?: Schema;
  readonly pathEnums: Readonly<Record<string, string>>;
}

/** Write routes the OpenAPI document leaves out on purpose (the employer's card, shortlist and need pages, the person's space: forms). */
const UNDOCUMENTED: readonly Route[] = [
  {
    method: 'post',
    template: '/cartes/{token}',
    schema: {
      type: 'object',
      properties: {
        answer: { type: 'string', enum: ['interested', 'not_now', 'question'] },
        message: { type: 'string', example: 'Bonjour' },
        proposedInterview: { type: 'string', example: 'mardi 10 h' },
      },
      required: ['answer'],
    },
    pathEnums: {},
  },
  {
    method: 'post',
    template: '/selections/{token}',
    schema: {
      type: 'object',
      properties: {
        entry: { type: 'string', format: 'uuid' },
        answer: { type: 'string', enum: ['interested', 'not_now', 'question'] },
        slot: { type: 'string', example: '2026-12-08T09:00:00.000Z' },
        proposedSlot: { type: 'string', example: 'mardi 10 h' },
        reason: { type: 'string', enum: ['position_filled', 'skills_mismatch', 'schedule', 'other'] },
        note: { type: 'string', example: 'Bonjour' },
        question: { type: 'string', example: 'Bonjour ?' },
      },
      required: ['entry', 'answer'],
    },
    pathEnums: {},
  },
  {
    method: 'post',
    template: '/besoins/{token}',
    schema: {
      type: 'object',
      properties: {
        companyName: { type: 'string', example: 'Garage Martin' },
        siret: { type: 'string', example: '88812345600012' },
        jobTitle: { type: 'string', example: 'Mécanicien' },
        place: { type: 'string', example: '59000 Lille' },
        hours: { type: 'string', example: '8 h – 17 h' },
        startOn: { type: 'string', example: '2030-01-01' },
        contractType: { type: 'string', enum: ['CDI', 'CDD'] },
        whatMatters: { type: 'string', example: 'La ponctualité' },
        contactName: { type: 'string', example: 'Claire' },
        contactEmail: { type: 'string', example: 'claire@example.org' },
        contactPhone: { type: 'string', example: '06 12 34 56 78' },
      },
    },
    pathEnums: {},
  },
  // The employer's follow-up form of a job's checkpoint.
  {
    method: 'post',
    template: '/suivis-employeur/{token}',
    schema: {
      type: 'object',
      properties: {
        stillEmployed: { type: 'string', enum: ['oui', 'non'] },
        endDate: { type: 'string', example: '2026-01-15' },
        endReason: { type: 'string', enum: ['contract_end', 'resignation'] },
        remark: { type: 'string', example: 'Tout va bien' },
      },
    },
    pathEnums: {},
  },
  // The person's space: forms of pages without script.
  { method: 'post', template: '/espace/{token}/code', pathEnums: {} },
  {
    method: 'post',
    template: '/espace/{token}/code/verification',
    schema: { type: 'object', properties: { code: { type: 'string', example: '123456' } }, required: ['code'] },
    pathEnums: {},
  },
  {
    method: 'post',
    template: '/espace/{token}/fiches/{id}',
    schema: {
      type: 'object',
      properties: {
        decision: { type: 'string', enum: ['validated', 'change_requested'] },
        version: { type: 'string', example: '0123456789abcdef0123456789abcdef' },
        comment: { type: 'string', example: 'Ajouter mon permis' },
      },
      required: ['decision', 'version'],
    },
    pathEnums: {},
  },
  {
    method: 'post',
    template: '/espace/{token}/offres/{id}',
    schema: {
      type: 'object',
      properties: {
        answer: { type: 'string', enum: ['interested', 'not_for_me'] },
        reason: { type: 'string', example: 'Trop loin' },
      },
      required: ['answer'],
    },
    pathEnums: {},
  },
  {
    method: 'post',
    template: '/espace/{token}/rendez-vous/{id}',
    schema: {
      type: 'object',
      properties: {
        answer: { type: 'string', enum: ['confirm', 'move'] },
        message: { type: 'string', example: 'Jeudi matin' },
      },
      required: ['answer'],
    },
    pathEnums: {},
  },
  { method: 'post', template: '/espace/{token}/consentements/{purpose}/retrait', pathEnums: { purpose: 'photo' } },
];

interface Offender {
  readonly route: string;
  readonly role: string;
  readonly sent: string;
  readonly status: number | string;
  readonly answer: string;
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  });
  await Promise.all(workers);
}

describe('malformed requests to every write route of the OpenAPI document', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let server: Server;
  let components: Components;
  let routes: Route[];
  let notReadyAnswer: { status: number; code?: string };
  const known: Record<string, string> = {};
  /** Records the fuzz works on; without them it would stop at "not found" and test less. */
  const seedFailures: string[] = [];

  const roles = (): Array<{ role: string; token?: string }> => [
    { role: 'coach', token: org.users.coachLille.accessToken },
    { role: 'platform_staff', token: org.users.staffNord.accessToken },
    { role: 'manager', token: org.users.managerNord.accessToken },
    { role: 'admin', token: org.admin.accessToken },
    { role: 'anonymous' },
  ];

  /** Values the document cannot give: ids of records that exist, so bodies reach the use cases. */
  const hints = (): Record<string, unknown> => ({
    ...known,
    coachUserId: org.users.coachLille.id,
    commune: { inseeCode: '59350' },
    // Before the generated dates (DATE_VALUE), which a CER or an event may not precede.
    orientationDate: addDays(parisToday(), -90),
    email: 'fuzz@example.org',
    // A file is shared with another active coach, until a date ahead.
    recipientUserId: org.users.coachNord.id,
    endsOn: addDays(parisToday(), 10),
  });

  const RANDOM_ID = '6f1c2f5e-0b7a-4c1e-9a53-3f0d2b9c8e41';
  const paramsOf = (route: Route): Record<string, string> => {
    const collection = route.template.split('/')[1];
    const byCollection: Record<string, string | undefined> = {
      beneficiaries: known.beneficiaryId,
      employers: known.employerId,
      introductions: known.introductionId,
      offers: known.offerId,
    };
    const params: Record<string, string> = {};
    for (const [, name] of route.template.matchAll(/\{(\w+)\}/g)) {
      params[name] =
        route.pathEnums[name] ??
        (name === 'id' ? byCollection[collection] : known[name]) ??
        { key: 'coaching.portfolio_cap', ref: 'AAAAAAAAAAAAAAAA', token: 'x'.repeat(43) }[name] ??
        RANDOM_ID;
    }
    return params;
  };

  const send = (route: Route, path: string, token: string | undefined, fuzzCase: FuzzCase): request.Test => {
    const agent = request(server);
    let test = agent[route.method](fuzzCase.path ?? path).timeout(20_000);
    if (token) test = test.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(fuzzCase.headers ?? {})) test = test.set(name, value);
    if (fuzzCase.raw !== undefined)
      return test.set('Content-Type', fuzzCase.contentType ?? 'application/json').send(fuzzCase.raw);
    return fuzzCase.body === undefined ? test : test.send(fuzzCase.body as object);
  };

  /** Creates one record through a documented route with its valid body; its id feeds later paths. */
  const seed = async (template: string, as: string, name: string, changes: object = {}): Promise<void> => {
    const route = routes.find((candidate) => candidate.method === 'post' && candidate.template === template);
    if (!route?.schema) throw new Error(`no POST ${template} in the document`);
    const token = roles().find((entry) => entry.role === as)?.token;
    const body = { ...(validValue(route.schema, components, hints()) as object), ...changes };
    const response = await send(route, fillPath(template, paramsOf(route)), token, { label: 'seed', body });
    if (response.status >= 300) seedFailures.push(`${template}: ${response.status} ${response.text}`);
    else known[name] = (response.body as { id: string }).id;
  };

  beforeAll(async () => {
    context = await createTestContext({
      referential: true,
      env: { HTTP_BODY_LIMIT: `${BODY_LIMIT_BYTES / 1024}kb`, AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = await startApi(context.config);
    server = api.app.getHttpServer();
    org = await seedOrganisation(api);
    // The worker creates the offers index; here no worker runs. Until it does, a search is a service
    // not ready yet (503 with its code), not a server error.
    const early = await request(server)
      .post('/matching/search')
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .send({
        profile: {
          experiences: [{ romeCode: 'K2204', months: 12 }],
          skills: [],
          commune: { inseeCode: '59350' },
          maxDistanceKm: 20,
          drivingLicence: false,
          contractTypes: ['cdi'],
          workingTime: 'any',
        },
        limit: 10,
      });
    notReadyAnswer = { status: early.status, code: (early.body as { code?: string }).code };
    await api.app.get(SyncOffersIndex).prepare();
    const document = openApiDocument(api.app);
    components = document.components?.schemas ?? {};
    routes = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of WRITE_METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
          ?.content;
        const pathEnums: Record<string, string> = {};
        for (const parameter of (operation.parameters ?? []) as Array<{ name: string; in: string; schema?: Schema }>) {
          const values = parameter.schema?.enum;
          if (parameter.in === 'path' && values?.length) pathEnums[parameter.name] = String(values[0]);
        }
        routes.push({ method, template, schema: content?.['application/json']?.schema, pathEnums });
      }
    }
    routes.push(...UNDOCUMENTED);
    await seed('/beneficiaries', 'coach', 'beneficiaryId');
    await seed('/employers', 'coach', 'employerId');
    await seed('/offers', 'platform_staff', 'offerId');
    await seed('/beneficiaries/{id}/barriers', 'coach', 'barrierId');
    await seed('/beneficiaries/{id}/cers', 'coach', 'cerId');
    // A CER commitment must be one the CER states: the objective is seeded without one.
    await seed('/beneficiaries/{id}/objectives', 'coach', 'objectiveId', {
      cerId: undefined,
      commitment: undefined,
      steps: [],
    });
    // A share needs the person's consent to sharing their file.
    await request(server)
      .post(`/beneficiaries/${known.beneficiaryId}/consents`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .send({ purpose: 'share_file_with_professionals' })
      .expect(201);
    await seed('/beneficiaries/{id}/shares', 'coach', 'shareId', { healthNoteVisible: false });
    // An aid belongs to an aid request only; the first kind is not one.
    await seed('/beneficiaries/{id}/events', 'coach', 'eventId', { aid: undefined });
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('answers a matched search made before the offers index exists with 503 (not ready, retry) and its code, not a 500', () => {
    expect(notReadyAnswer).toEqual({ status: 503, code: 'matching.index_not_ready' });
  });

  it('covers every write route the application serves', () => {
    const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router;
    const served = router.stack
      // Catch-alls ({/*splat}) only answer 404 for paths no controller serves.
      .filter((layer) => layer.route && !layer.route.path.includes('*'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods)
          .filter((method) => (WRITE_METHODS as readonly string[]).includes(method))
          .map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
      );
    const fuzzed = routes.map((route) => `${route.method.toUpperCase()} ${route.template}`);
    expect(served.filter((route) => !fuzzed.includes(route))).toEqual([]);
    expect(served.length).toBeGreaterThan(40);
  });

  it('answers more concurrent manager writes than the database pool has connections, without a 5xx', async () => {
    // Each opens a transaction, then reads the manager's structure tree: on a second connection,
    // every transaction waited for one another held, until the connect timeout (500).
    const connections = Number(context.env.DB_POOL_SIZE);
    const answers = await Promise.all(
      Array.from({ length: connections + 2 }, () =>
        request(server)
          .post(`/beneficiaries/${known.beneficiaryId}/assignment`)
          .set('Authorization', `Bearer ${org.users.managerNord.accessToken}`)
          .send({ coachUserId: org.users.coachLille.id }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
  });

  it('answers wrong types, missing fields, hostile values and broken bodies on every write route, as every role, with no 5xx', async () => {
    const offenders: Offender[] = [];
    const counts = { sent: 0, accepted: 0, refusedByGuard: 0 };
    const attempt = async (
      route: Route,
      path: string,
      role: string,
      token: string | undefined,
      fuzzCase: FuzzCase,
    ): Promise<request.Response | undefined> => {
      counts.sent += 1;
      try {
        const response = await send(route, path, token, fuzzCase);
        if (response.status < 300) counts.accepted += 1;
        if (response.status >= 500 || (fuzzCase.expectStatus ?? response.status) !== response.status)
          offenders.push({
            route: `${route.method.toUpperCase()} ${route.template}`,
            role,
            sent: summarise(fuzzCase),
            status: response.status,
            answer: response.text.slice(0, 300),
          });
        return response;
      } catch (error) {
        const name = `${route.method.toUpperCase()} ${route.template}`;
        offenders.push({ route: name, role, sent: summarise(fuzzCase), status: 'no answer', answer: String(error) });
        return undefined;
      }
    };
    // Erasure last: it anonymises the person the other routes work on.
    const ordered = [...routes].sort(
      (a, b) => Number(a.template.endsWith('/erasure')) - Number(b.template.endsWith('/erasure')),
    );
    for (const route of ordered) {
      const path = fillPath(route.template, paramsOf(route));
      const rng = new Rng(hash32('api-fuzz', route.method, route.template));
      const cases: FuzzCase[] = route.schema
        ? bodyCases(route.schema, components, hints(), rng, SAMPLED_PER_ROUTE)
        : [{ label: 'no body' }, { label: 'unexpected JSON body', body: { a: 1 } }];
      // The body limit is one middleware before any guard: tried once per route, without a token.
      for (const fuzzCase of wholeBodyCases({}, BODY_LIMIT_BYTES).filter((candidate) => candidate.expectStatus))
        await attempt(route, path, 'anonymous', undefined, fuzzCase);
      // Validation does not depend on the role, the use case behind it does: the first role the
      // guard lets through gets every case, the others a sample of them.
      let primary = true;
      for (const { role, token } of roles()) {
        const probe = await attempt(route, path, role, token, cases[0]);
        const code = (probe?.body as { code?: string } | undefined)?.code;
        if (code === 'auth.missing_token' || code === 'auth.forbidden') {
          counts.refusedByGuard += 1;
          continue;
        }
        const rest = primary
          ? [
              ...cases.slice(1),
              ...wholeBodyCases(cases[0].body, BODY_LIMIT_BYTES).filter((candidate) => !candidate.expectStatus),
              ...pathCases(route.template, paramsOf(route)),
            ]
          : rng.sample(cases.slice(1), SAMPLED_PER_OTHER_ROLE);
        primary = false;
        await pool(rest, CONCURRENCY, async (fuzzCase) => {
          await attempt(route, path, role, token, fuzzCase);
        });
      }
    }
    expect(offenders).toEqual([]);
    expect(seedFailures).toEqual([]);
    expect(counts.accepted).toBeGreaterThan(0);
  }, 240_000);

  it('leaves Object.prototype untouched after bodies full of __proto__ and constructor keys', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
