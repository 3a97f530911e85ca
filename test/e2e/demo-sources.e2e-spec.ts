import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDemoSources, type DemoSources, type FranceTravailOffre } from '@passerelle/demo';

const REFERENCE_DATE = '2026-11-20T00:00:00.000Z';

/**
 * TextDecoder in streaming mode: on Node 20 the one-shot `decode(bytes)` takes a Latin-1 shortcut
 * and turns 0x80-0x9F into control characters instead of € ’ œ – (nodejs/node#56542).
 */
function decodeWindows1252(bytes: ArrayBuffer): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(new Uint8Array(bytes), { stream: true }) + decoder.decode();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('demo sources (imitated Nordemploi, Job Connexion and France Travail)', () => {
  let sources: DemoSources;

  beforeAll(async () => {
    sources = await startDemoSources({ seed: 2026, referenceDate: REFERENCE_DATE });
  });

  afterAll(async () => {
    await sources?.close();
  });

  async function fetchToken(): Promise<{
    access_token: string;
    expires_in: number;
    token_type: string;
    scope: string;
  }> {
    const { tokenUrl, clientId, clientSecret, scope } = sources.franceTravail;
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope,
      }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { access_token: string; expires_in: number; token_type: string; scope: string };
  }

  function search(query: string, token: string | undefined): Promise<Response> {
    return fetch(`${sources.franceTravail.apiUrl}/v2/offres/search?${query}`, {
      headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
    });
  }

  describe('France Travail API', () => {
    it('issues client-credentials tokens and refuses wrong credentials with 401', async () => {
      const token = await fetchToken();
      expect(token).toEqual({
        access_token: expect.any(String),
        expires_in: 1499,
        token_type: 'Bearer',
        scope: 'api_offresdemploiv2 o2dsoffre',
      });

      const wrong = await fetch(sources.franceTravail.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: sources.franceTravail.clientId,
          client_secret: 'wrong',
          scope: sources.franceTravail.scope,
        }),
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({ error: 'invalid_client', error_description: expect.any(String) });

      const basic = await fetch(sources.franceTravail.tokenUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from(`${sources.franceTravail.clientId}:${sources.franceTravail.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api_offresdemploiv2' }),
      });
      expect(basic.status).toBe(400);
      expect(((await basic.json()) as { error: string }).error).toBe('invalid_scope');
    });

    it('answers 401 without a token or with an unknown one', async () => {
      const missing = await search('range=0-9', undefined);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await missing.json()).toEqual({ message: expect.any(String), codeHttp: 401 });
      expect((await search('range=0-9', 'forged')).status).toBe(401);
    });

    it('pages with range: 206 and Content-Range while more remain, 200 on the last chunk, 150 at most', async () => {
      const { access_token: token } = await fetchToken();
      const total = sources.fixtures.franceTravail.total;
      expect(total).toBeGreaterThan(300);

      const first = await search('range=0-149', token);
      expect(first.status).toBe(206);
      expect(first.headers.get('content-range')).toBe(`offres 0-149/${total}`);
      const firstBody = (await first.json()) as { resultats: FranceTravailOffre[] };
      expect(firstBody.resultats).toHaveLength(150);

      const ids: string[] = firstBody.resultats.map((offer) => offer.id);
      let start = 150;
      let status = 206;
      while (status === 206) {
        const response = await search(`range=${start}-${start + 149}`, token);
        status = response.status;
        const body = (await response.json()) as { resultats: FranceTravailOffre[] };
        ids.push(...body.resultats.map((offer) => offer.id));
        const last = Math.min(start + 149, total - 1);
        expect(response.headers.get('content-range')).toBe(`offres ${start}-${last}/${total}`);
        expect(status).toBe(last === total - 1 ? 200 : 206);
        start += 150;
      }
      expect(ids).toEqual(sources.fixtures.franceTravail.ids);

      const tooWide = await search('range=0-150', token);
      expect(tooWide.status).toBe(400);
      expect(await tooWide.json()).toEqual({
        message: 'La plage de résultats demandée est trop importante.',
        codeHttp: 400,
      });
      const tooDeep = await search('range=3001-3100', token);
      expect(tooDeep.status).toBe(400);
      expect(await tooDeep.json()).toEqual({
        message: 'La position de début doit être inférieure ou égale à 3000.',
        codeHttp: 400,
      });
      expect((await search('range=abc', token)).status).toBe(400);
    });

    it('filters by département and ROME code, and answers 204 when nothing matches', async () => {
      const { access_token: token } = await fetchToken();
      const counts = sources.fixtures.franceTravail.byDepartement;
      const response = await search('departement=59,62&range=0-149', token);
      const expected = (counts['59'] ?? 0) + (counts['62'] ?? 0);
      expect(response.headers.get('content-range')).toBe(`offres 0-${Math.min(149, expected - 1)}/${expected}`);
      const body = (await response.json()) as { resultats: FranceTravailOffre[] };
      // A few offers say only `France`, as real ones do; every other one is in the départements asked for.
      expect(
        body.resultats.every(
          (offer) =>
            offer.lieuTravail.libelle === 'France' || ['59', '62'].includes(offer.lieuTravail.libelle.slice(0, 2)),
        ),
      ).toBe(true);

      const [rome, romeCount] = Object.entries(sources.fixtures.franceTravail.byRomeCode)[0];
      const byRome = await search(`codeROME=${rome}`, token);
      expect([200, 206]).toContain(byRome.status);
      expect(byRome.headers.get('content-range')).toMatch(new RegExp(`/${romeCount}$`));

      const none = await search('departement=75', token);
      expect(none.status).toBe(204);
      expect(none.headers.get('content-range')).toBe('offres */0');
      expect((await search('departement=Nord', token)).status).toBe(400);
    });

    it('returns one offer with the official field names, 204 for an unknown one', async () => {
      const { access_token: token } = await fetchToken();
      const id = sources.fixtures.franceTravail.ids[0];
      const response = await fetch(`${sources.franceTravail.apiUrl}/v2/offres/${id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const offer = (await response.json()) as FranceTravailOffre;
      expect(offer).toMatchObject({
        id,
        intitule: sources.catalog.offer(id)?.title,
        lieuTravail: { codePostal: expect.stringMatching(/^\d{5}$/), commune: expect.stringMatching(/^\d{5}$/) },
        romeCode: expect.stringMatching(/^[A-N]\d{4}$/),
        typeContrat: expect.stringMatching(/^(CDI|CDD|MIS|SAI)$/),
        experienceExige: expect.stringMatching(/^[DSE]$/),
        dureeTravailLibelleConverti: expect.stringMatching(/^Temps (plein|partiel)$/),
      });
      expect(Object.keys(offer)).toEqual(
        expect.arrayContaining([
          'dateCreation',
          'dateActualisation',
          'appellationlibelle',
          'competences',
          'qualitesProfessionnelles',
          'origineOffre',
        ]),
      );
      const unknown = await fetch(`${sources.franceTravail.apiUrl}/v2/offres/000AAAA`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(unknown.status).toBe(204);
    });

    it('answers 429 with Retry-After on the chosen search call, then serves again', async () => {
      const { access_token: token } = await fetchToken();
      sources.control.franceTravail.throttleSearchCall(2);
      expect((await search('range=0-9', token)).status).toBe(206);
      const throttled = await search('range=0-9', token);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('1');
      expect(await throttled.json()).toEqual({ message: expect.any(String), codeHttp: 429 });
      expect((await search('range=0-9', token)).status).toBe(206);
    });

    it('expires tokens after N calls or after their lifetime, and a new token works', async () => {
      const { access_token: old } = await fetchToken();
      sources.control.franceTravail.expireTokensAfterCalls(1);
      expect((await search('range=0-9', old)).status).toBe(206);
      expect((await search('range=0-9', old)).status).toBe(401);
      const { access_token: fresh } = await fetchToken();
      expect((await search('range=0-9', fresh)).status).toBe(206);

      sources.control.franceTravail.setTokenLifetime(1);
      const shortLived = await fetchToken();
      expect(shortLived.expires_in).toBe(1);
      expect((await search('range=0-9', shortLived.access_token)).status).toBe(206);
      await sleep(1_100);
      expect((await search('range=0-9', shortLived.access_token)).status).toBe(401);
      sources.control.reset();
    });

    it('drops an offer from search and detail, and points copies of board offers to the board page', async () => {
      const { access_token: token } = await fetchToken();
      const id = sources.fixtures.franceTravail.ids[1];
      sources.control.dropOffer(id);
      const response = await search('range=0-4', token);
      expect(response.headers.get('content-range')).toBe(`offres 0-4/${sources.fixtures.franceTravail.total - 1}`);
      const body = (await response.json()) as { resultats: FranceTravailOffre[] };
      expect(body.resultats.map((offer) => offer.id)).not.toContain(id);
      const detail = await fetch(`${sources.franceTravail.apiUrl}/v2/offres/${id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(detail.status).toBe(204);
      sources.control.restoreOffer(id);

      const pair = sources.fixtures.duplicates.find((candidate) => candidate.copy.platform === 'france-travail');
      expect(pair).toBeDefined();
      const copy = (await (
        await fetch(`${sources.franceTravail.apiUrl}/v2/offres/${pair!.copy.id}`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json()) as FranceTravailOffre;
      expect(copy.origineOffre.origine).toBe('2');
      const original = await fetch(copy.origineOffre.urlOrigine);
      expect(original.status).toBe(200);
      expect(copy.entreprise.nom ?? 'Particulier employeur').toBe(
        sources.catalog.offer(pair!.original.id)?.employer.name,
      );
    });
  });

  describe('Nordemploi board', () => {
    it('pages through the listing with "Page suivante" and reaches every offer exactly once', async () => {
      const seen: string[] = [];
      let url: string | undefined = sources.nordemploi.listingUrl;
      let pages = 0;
      while (url !== undefined) {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        const html = await response.text();
        // The result list only: the "À la une" box and similar offers repeat offer links.
        const list = html.slice(html.indexOf('<ul class="liste-offres">'), html.indexOf('<nav class="pagination"'));
        for (const match of list.matchAll(/<a class="carte-offre__lien" href="\/nordemploi\/offres\/(\d+)">/g))
          seen.push(match[1]);
        const next = /<a class="pagination__suivante" rel="next" href="([^"]+)">Page suivante<\/a>/.exec(html);
        url = next ? new URL(next[1], sources.baseUrl).toString() : undefined;
        pages += 1;
      }
      expect(pages).toBe(sources.fixtures.nordemploi.pageCount);
      expect(seen).toEqual(sources.fixtures.nordemploi.ids);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('serves detail pages with title, employer, location and skills, some with JSON-LD', async () => {
      const withJsonLd = sources.fixtures.nordemploi.withJsonLd[0];
      const offer = sources.catalog.offer(withJsonLd)!;
      const html = await (await fetch(`${sources.baseUrl}/nordemploi/offres/${withJsonLd}`)).text();
      expect(html).toContain(`<h1 class="offre__titre">`);
      expect(html).toContain(`<dd class="resume__lieu">${offer.commune.name} (${offer.commune.postalCode})</dd>`);
      expect(html).toContain('<h2 class="offre__sous-titre">Compétences</h2>');
      expect(html).toMatch(/<p class="offre__publication">Publiée le \d{2}\/\d{2}\/\d{4}<\/p>/);
      const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
      expect(JSON.parse(jsonLd![1])).toMatchObject({ '@type': 'JobPosting', occupationalCategory: offer.romeCode });
      const plain = await (
        await fetch(`${sources.baseUrl}/nordemploi/offres/${sources.fixtures.nordemploi.withoutJsonLd[0]}`)
      ).text();
      expect(plain).not.toContain('application/ld+json');
    });

    it('has a truncated page, a page without title and a listed page answering 404', async () => {
      const { malformed, missingTitle, notFound, ids } = sources.fixtures.nordemploi;
      expect([malformed, missingTitle, notFound].map((list) => list.length)).toEqual([1, 1, 1]);
      for (const id of [...malformed, ...missingTitle, ...notFound]) expect(ids).toContain(id);

      const truncated = await (await fetch(`${sources.baseUrl}/nordemploi/offres/${malformed[0]}`)).text();
      expect(truncated).toContain('<h1 class="offre__titre">');
      expect(truncated).not.toContain('</html>');
      expect(truncated).not.toContain('liste-competences');

      const untitled = await (await fetch(`${sources.baseUrl}/nordemploi/offres/${missingTitle[0]}`)).text();
      expect(untitled).not.toContain('offre__titre');
      expect(untitled).toContain('class="employeur__nom"');

      expect((await fetch(`${sources.baseUrl}/nordemploi/offres/${notFound[0]}`)).status).toBe(404);
    });

    it('revalidates detail pages: 304 for If-None-Match and If-Modified-Since', async () => {
      const path = `/nordemploi/offres/${sources.fixtures.nordemploi.wellFormed[0]}`;
      const first = await fetch(`${sources.baseUrl}${path}`);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(new Date(lastModified).toUTCString()).toBe(lastModified);

      const byEtag = await fetch(`${sources.baseUrl}${path}`, { headers: { 'If-None-Match': etag } });
      expect(byEtag.status).toBe(304);
      expect(await byEtag.text()).toBe('');
      const byDate = await fetch(`${sources.baseUrl}${path}`, { headers: { 'If-Modified-Since': lastModified } });
      expect(byDate.status).toBe(304);
      const stale = await fetch(`${sources.baseUrl}${path}`, { headers: { 'If-None-Match': '"something-else"' } });
      expect(stale.status).toBe(200);
    });

    it('drops an offer from the listing and its page, answers 500 once when told, and counts requests', async () => {
      const id = sources.fixtures.nordemploi.wellFormed[0];
      sources.control.dropOffer(id);
      const listing = await (await fetch(sources.nordemploi.listingUrl)).text();
      expect(listing).not.toContain(`/nordemploi/offres/${id}"`);
      expect((await fetch(`${sources.baseUrl}/nordemploi/offres/${id}`)).status).toBe(404);
      sources.control.restoreOffer(id);

      const path = `/nordemploi/offres/${id}`;
      sources.control.requests.reset();
      sources.control.failNext(path);
      expect((await fetch(`${sources.baseUrl}${path}`)).status).toBe(500);
      expect((await fetch(`${sources.baseUrl}${path}`)).status).toBe(200);
      expect(sources.control.requests.count(path)).toBe(2);
      expect(sources.control.requests.entries().map((entry) => entry.status)).toEqual([500, 200]);
    });
  });

  describe('Job Connexion platform', () => {
    it('pages by offset and reaches every offer exactly once', async () => {
      const seen: string[] = [];
      let url: string | undefined = sources.jobConnexion.listingUrl;
      while (url !== undefined) {
        const response = await fetch(url);
        const html = decodeWindows1252OrUtf8(response.headers.get('content-type'), await response.arrayBuffer());
        const results = html.slice(html.indexOf('<div id="jc-results"'));
        for (const match of results.matchAll(/<article class="jc-card" data-job-id="([0-9a-z]+)"/g))
          seen.push(match[1]);
        const next = /<a class="jc-pager__next" rel="next" href="([^"]+)">/.exec(html);
        url = next ? new URL(next[1], sources.baseUrl).toString() : undefined;
      }
      expect(seen).toEqual(sources.fixtures.jobConnexion.ids);
    });

    it('serves windows-1252 pages whose bytes decode to the right French text', async () => {
      const { declaredInHeader, declaredInMetaOnly } = sources.fixtures.jobConnexion.windows1252;
      for (const [id, contentType] of [
        [declaredInHeader[0], 'text/html; charset=windows-1252'],
        [declaredInMetaOnly[0], 'text/html'],
      ] as const) {
        const offer = sources.catalog.offer(id)!;
        const response = await fetch(`${sources.baseUrl}/jobconnexion/offre/${id}/x`);
        expect(response.headers.get('content-type')).toBe(contentType);
        const bytes = await response.arrayBuffer();
        // "é" is one byte (0xE9) in windows-1252, two in UTF-8.
        expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xa9]))).toBe(false);
        const html = decodeWindows1252(bytes);
        expect(html).toContain('<meta charset="windows-1252">');
        expect(html).toContain(`<h1 class="jc-job__title">${escape(offer.title)}</h1>`);
        expect(html).toContain(offer.workingTime.label);
        expect(html).toContain('Publiée le');
        expect(html).toContain('’');
      }
      const [offset] = sources.fixtures.jobConnexion.windows1252.listingOffsets;
      const legacyListing = await fetch(`${sources.jobConnexion.listingUrl}?offset=${offset}`);
      expect(legacyListing.headers.get('content-type')).toBe('text/html; charset=windows-1252');
      expect(decodeWindows1252(await legacyListing.arrayBuffer())).toContain('Suivant ›');
    });

    it('answers 410 Gone for a withdrawn offer', async () => {
      const id = sources.fixtures.jobConnexion.ids[0];
      sources.control.dropOffer(id);
      expect((await fetch(`${sources.baseUrl}/jobconnexion/offre/${id}`)).status).toBe(410);
      sources.control.restoreOffer(id);
    });
  });

  it('publishes a robots.txt with each board’s rules and a Crawl-delay', async () => {
    const response = await fetch(`${sources.baseUrl}/robots.txt`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const robots = await response.text();
    expect(robots).toContain('User-agent: *');
    expect(robots).toContain('Crawl-delay: 1');
    expect(robots).toContain('Disallow: /nordemploi/admin');
    expect(robots).toContain('Disallow: /jobconnexion/compte/');
    expect((await fetch(`${sources.baseUrl}/nordemploi/admin/connexion`)).status).toBe(403);
  });

  it('is deterministic: the same seed gives the same offers, ids and faults', async () => {
    const again = await startDemoSources({ seed: 2026, referenceDate: REFERENCE_DATE });
    const other = await startDemoSources({ seed: 7, referenceDate: REFERENCE_DATE });
    try {
      expect(again.fixtures).toEqual(sources.fixtures);
      const id = sources.fixtures.nordemploi.wellFormed[3];
      expect(again.catalog.offer(id)).toEqual(sources.catalog.offer(id));
      const page = async (baseUrl: string): Promise<string> =>
        (await fetch(`${baseUrl}/nordemploi/offres/${id}`)).text();
      expect((await page(again.baseUrl)).replaceAll(again.baseUrl, '')).toBe(
        (await page(sources.baseUrl)).replaceAll(sources.baseUrl, ''),
      );
      expect(other.fixtures.nordemploi.ids).not.toEqual(sources.fixtures.nordemploi.ids);
    } finally {
      await again.close();
      await other.close();
    }
  });
});

function decodeWindows1252OrUtf8(contentType: string | null, bytes: ArrayBuffer): string {
  return contentType?.includes('windows-1252') ? decodeWindows1252(bytes) : new TextDecoder('utf-8').decode(bytes);
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
