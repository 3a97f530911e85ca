import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { MeiliJsonPost } from './meili-json-post.js';

/** A stand-in for Meilisearch on a real socket: what each request carried, and its connection. */
describe('MeiliJsonPost', () => {
  const seen: Array<{ path: string; authorization?: string; body: unknown; socket: unknown }> = [];
  let server: http.Server;
  let url: URL;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        seen.push({
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
          response.end(JSON.stringify({ hits: [{ id: 'é-1', _rankingScore: 0.5 }], echo: body }));
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

  it('posts JSON under the base path with the key, answers the parsed body, and keeps the socket for the next request', async () => {
    const client = new MeiliJsonPost(url, 'the-key');
    try {
      const first = await client.post<{ hits: unknown[]; echo: unknown }>('indexes/offers/search', {
        q: null,
        limit: 2,
      });
      const second = await client.post<{ hits: unknown[] }>('multi-search', { queries: [] });
      expect(first).toEqual({ hits: [{ id: 'é-1', _rankingScore: 0.5 }], echo: { q: null, limit: 2 } });
      expect(second.hits).toHaveLength(1);
      const [a, b] = seen.slice(-2);
      expect([a.path, b.path]).toEqual(['/prefix/indexes/offers/search', '/prefix/multi-search']);
      expect(a.authorization).toBe('Bearer the-key');
      expect(b.socket).toBe(a.socket);
    } finally {
      client.close();
    }
  });

  it("fails as the official client does: Meilisearch's error code on an API error, a request error on a timeout", async () => {
    const client = new MeiliJsonPost(url, undefined, 200);
    try {
      const refused = await client.post('indexes/missing/search', {}).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MeilisearchApiError);
      expect((refused as MeilisearchApiError).cause?.code).toBe('index_not_found');
      expect((refused as MeilisearchApiError).response.status).toBe(404);
      expect(seen.at(-1)?.authorization).toBeUndefined();

      const late = await client.post('indexes/silent/search', {}).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(MeilisearchRequestError);
      expect((late as MeilisearchRequestError).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
    } finally {
      client.close();
    }
  });
});
