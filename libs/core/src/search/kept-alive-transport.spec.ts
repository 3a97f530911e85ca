import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { createMeiliClient } from './meili-client.js';
import { KeptAliveMeiliTransport, meiliApiError } from './kept-alive-transport.js';

/**
 * The official client over the kept-alive transport, against a stand-in for Meilisearch on a real
 * socket: what each request carried, and its connection.
 */
describe('KeptAliveMeiliTransport', () => {
  const seen: Array<{ method?: string; path: string; authorization?: string; body: unknown; socket: unknown }> = [];
  let server: http.Server;
  let url: URL;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body: unknown = text === '' ? undefined : JSON.parse(text);
        seen.push({
          method: request.method,
          path: request.url ?? '',
          authorization: request.headers.authorization,
          body,
          socket: request.socket,
        });
        if (request.url === '/prefix/indexes/missing/search') {
          response.writeHead(404, { 'Content-Type': 'application/json' });
          response.end(
            JSON.stringify({ message: 'Index `missing` not found.', code: 'index_not_found', type: 'invalid_request' }),
          );
        } else if (request.url === '/prefix/indexes/silent/search') {
          // Never answers: the client's timeout ends the request.
        } else {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ hits: [{ id: 'é-1', _rankingScore: 0.5 }], results: [], echo: body }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends the client's requests (path, key, JSON body), answers the parsed body, and keeps the socket for the next one", async () => {
    const transport = new KeptAliveMeiliTransport();
    const client = createMeiliClient(url, 'the-key', 5_000, transport.httpClient);
    try {
      const found = await client.index('offers').search(null, { limit: 2 });
      await client.multiSearch({ queries: [{ indexUid: 'offers', q: 'x' }] });
      expect(found.hits).toEqual([{ id: 'é-1', _rankingScore: 0.5 }]);
      const [search, multi] = seen.slice(-2);
      expect([search.method, search.path, multi.path]).toEqual([
        'POST',
        '/prefix/indexes/offers/search',
        '/prefix/multi-search',
      ]);
      expect(search.body).toEqual({ q: null, limit: 2 });
      expect(multi.body).toEqual({ queries: [{ indexUid: 'offers', q: 'x' }] });
      expect(search.authorization).toBe('Bearer the-key');
      expect(multi.socket).toBe(search.socket);
    } finally {
      transport.close();
    }
  });

  it("fails as the client's own transport does: Meilisearch's error code on an API error, a timeout error when the client gives up", async () => {
    const transport = new KeptAliveMeiliTransport();
    const client = createMeiliClient(url, undefined, 200, transport.httpClient);
    try {
      const refused = await client
        .index('missing')
        .search('x')
        .catch((error: unknown) => error);
      expect(meiliApiError(refused)?.cause?.code).toBe('index_not_found');
      expect(meiliApiError(refused)?.response.status).toBe(404);
      expect(seen.at(-1)?.authorization).toBeUndefined();

      const late = await client
        .index('silent')
        .search('x')
        .catch((error: unknown) => error);
      expect(late).toBeInstanceOf(MeilisearchRequestError);
      expect((late as MeilisearchRequestError).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
      expect(meiliApiError(late)).toBeUndefined();
    } finally {
      transport.close();
    }
  });
});
