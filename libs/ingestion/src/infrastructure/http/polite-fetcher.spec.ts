import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TrustedHosts } from '../../domain/public-address.js';
import { FetchError } from '../../domain/fetch-error.js';
import { PoliteFetcher } from './polite-fetcher.js';
import type { Resolve } from './public-only-lookup.js';

/** A loopback server standing for an internal service: it counts every request that reaches it. */
interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

async function countingServer(
  handle: (path: string) => Answer,
): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const answer = handle(request.url ?? '/');
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('PoliteFetcher and the addresses it may reach', () => {
  let internal: Awaited<ReturnType<typeof countingServer>>;
  let trustedBoard: Awaited<ReturnType<typeof countingServer>>;
  // A resolver standing for DNS: names of the test resolve where the test says.
  const answers = new Map<string, Array<{ address: string; family: number }>>();
  const resolve: Resolve = (hostname) => Promise.resolve(answers.get(hostname) ?? []);

  beforeAll(async () => {
    internal = await countingServer(() => ({ status: 200, body: 'internal secret' }));
    trustedBoard = await countingServer((path): Answer =>
      path === '/redirect'
        ? { status: 302, headers: { Location: `http://rebound.example:${internal.port}/admin` } }
        : {
            status: 200,
            headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' },
            body: gzipSync('<p>offre</p>'),
          },
    );
    answers.set('rebound.example', [{ address: '127.0.0.1', family: 4 }]);
    answers.set('mixed.example', [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
  });

  afterAll(async () => {
    await new Promise((done) => internal.server.close(done));
    await new Promise((done) => trustedBoard.server.close(done));
  });

  function fetcher(allowedHosts: string[]): PoliteFetcher {
    return new PoliteFetcher({
      allowedHosts,
      trustedHosts: new TrustedHosts([`127.0.0.1:${trustedBoard.port}`]),
      resolve,
      requestsPerSecond: 100,
      maxConcurrency: 2,
      retries: 0,
      respectRobots: false,
    });
  }

  it('fetches a host the operator trusts although it is on loopback, and decodes a gzip body', async () => {
    const page = await fetcher([`127.0.0.1:${trustedBoard.port}`]).fetch(`http://127.0.0.1:${trustedBoard.port}/`);
    expect(page.text).toBe('<p>offre</p>');
  });

  it('refuses a name that resolves to 127.0.0.1 when the socket opens (DNS rebinding): the internal server sees nothing', async () => {
    const before = internal.hits.length;
    const host = `rebound.example:${internal.port}`;
    const error = await refusal(fetcher([host]).fetch(`http://${host}/admin`));
    expect(error.failure).toBe('host_not_allowed');
    expect(error.message).toContain('resolves to 127.0.0.1, a loopback (127.0.0.0/8) address');
    expect(error.retryable).toBe(false);
    expect(internal.hits.length).toBe(before);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const host = `mixed.example:${internal.port}`;
    const error = await refusal(fetcher([host]).fetch(`http://${host}/`));
    expect(error.message).toContain('resolves to 127.0.0.1');
  });

  it('refuses a redirect from a trusted board to a name resolving to loopback: the hop is checked too', async () => {
    const before = internal.hits.length;
    const error = await refusal(
      fetcher([`127.0.0.1:${trustedBoard.port}`, `rebound.example:${internal.port}`]).fetch(
        `http://127.0.0.1:${trustedBoard.port}/redirect`,
      ),
    );
    expect(error.failure).toBe('host_not_allowed');
    expect(internal.hits.length).toBe(before);
  });

  it.each(['127.0.0.1', '127.0.0.2', '[::ffff:127.0.0.1]', '[::1]', '2130706433', '0x7f.1', '0177.0.0.1'])(
    'refuses the address literal %s before any connection',
    async (host) => {
      const before = internal.hits.length;
      const url = new URL(`http://${host}:${internal.port}/admin`);
      const error = await refusal(fetcher([url.host]).fetch(url.toString()));
      expect(error.failure).toBe('host_not_allowed');
      expect(error.message).toMatch(/loopback/);
      expect(internal.hits.length).toBe(before);
    },
  );

  it('refuses a URL carrying a user name and password', async () => {
    const host = `127.0.0.1:${trustedBoard.port}`;
    const error = await refusal(fetcher([host]).fetch(`http://user:secret@${host}/`));
    expect(error.failure).toBe('host_not_allowed');
  });
});
