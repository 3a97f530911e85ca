import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFranceTravailRecordsServer } from '../demo-sources.js';

const records = [
  {
    id: '196CWQH',
    intitule: 'Assistant administratif (H/F)',
    romeCode: 'M1607',
    typeContrat: 'MIS',
    dateCreation: '2025-08-04T18:00:50.137Z',
    lieuTravail: { libelle: '59 - LILLE', commune: '59350', codePostal: '59000' },
    extra: { kept: true },
  },
  {
    id: '0631452',
    intitule: 'Serveur (H/F)',
    romeCode: 'G1803',
    typeContrat: 'CDD',
    dateCreation: '2024-11-20T10:00:00.000Z',
    lieuTravail: { libelle: '74 - ANNECY' },
  },
];

describe('France Travail API serving raw records', () => {
  let server: Awaited<ReturnType<typeof startFranceTravailRecordsServer>>;
  let token: string;

  beforeAll(async () => {
    server = await startFranceTravailRecordsServer(records);
    const answer = await fetch(server.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: server.clientId,
        client_secret: server.clientSecret,
        scope: server.scope,
      }).toString(),
    });
    token = ((await answer.json()) as { access_token: string }).access_token;
  });
  afterAll(() => server.close());

  const get = (path: string): Promise<Response> =>
    fetch(`${server.apiUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  it('lists the records as they are, in their order', async () => {
    const response = await get('/v2/offres/search?range=0-149');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('offres 0-1/2');
    const body = (await response.json()) as { resultats: unknown[] };
    expect(body.resultats).toEqual(records);
  });

  it('filters by département (from the commune, else the label) and ROME code', async () => {
    const inNord = (await (await get('/v2/offres/search?departement=59')).json()) as {
      resultats: Array<{ id: string }>;
    };
    expect(inNord.resultats.map((offer) => offer.id)).toEqual(['196CWQH']);
    const inSavoie = (await (await get('/v2/offres/search?departement=74&codeROME=G1803')).json()) as {
      resultats: Array<{ id: string }>;
    };
    expect(inSavoie.resultats.map((offer) => offer.id)).toEqual(['0631452']);
    expect((await get('/v2/offres/search?departement=67')).status).toBe(204);
  });

  it('serves one record by id, 204 for an unknown one, 401 without a token', async () => {
    expect(await (await get('/v2/offres/0631452')).json()).toEqual(records[1]);
    expect((await get('/v2/offres/0000000')).status).toBe(204);
    expect((await fetch(`${server.apiUrl}/v2/offres/0631452`)).status).toBe(401);
  });
});
