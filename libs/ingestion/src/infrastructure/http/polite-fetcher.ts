import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { decodeBody } from '../../domain/charset.js';
import { isIpLiteral, nonPublicReason, type TrustedHosts } from '../../domain/public-address.js';
import { ALLOW_ALL, parseRobots, type RobotsRules } from '../../domain/robots.js';
import { FetchError } from '../../domain/fetch-error.js';
import { HostLimiter } from './host-limiter.js';
import type { HostPacer } from './shared-host-pacer.js';
import { AddressNotPublicError, publicOnlyLookup, type Resolve } from './public-only-lookup.js';

// Header values must be ASCII (fetch refuses others).
export const USER_AGENT = 'Passerelle/0.1 (service public de l emploi; +https://passerelle.example/robot)';

export interface FetcherOptions {
  /** Hosts (`host:port`) this fetcher may reach; anything else is refused before any request (no SSRF). */
  readonly allowedHosts: readonly string[];
  /**
   * Hosts the operator named (environment): they may be on a private network. Every other host must
   * resolve to public addresses only, checked on each connection (each redirect hop included).
   */
  readonly trustedHosts: TrustedHosts;
  /** Test hook: the name resolution under the public-address check (the system resolver otherwise). */
  readonly resolve?: Resolve;
  readonly requestsPerSecond: number;
  readonly maxConcurrency: number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly retries?: number;
  readonly respectRobots?: boolean;
  /** Spacing of request starts shared with other processes (Redis); in process when absent. */
  readonly pacer?: HostPacer;
  /** Waits between retries are multiplied by this (tests shorten them). */
  readonly backoffScale?: number;
}

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface FetchRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Send If-None-Match / If-Modified-Since; a 304 answers `notModified`. */
  readonly validators?: Validators | null;
  /** Statuses the caller handles itself (e.g. 401 to renew a token): returned, not thrown or retried. */
  readonly passStatuses?: readonly number[];
}

export interface FetchedPage {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  readonly text: string;
  readonly charset: string;
  readonly notModified: boolean;
  readonly validators: Validators;
}

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The body as the server meant it: compressed encodings are undone (the size cap counts decoded bytes). */
function decoded(incoming: http.IncomingMessage): Readable {
  const encoding = (incoming.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return incoming;
  return pipeline(incoming, decoder, () => undefined);
}

/**
 * The only way ingestion reaches the outside: configured hosts only, public addresses only unless
 * the operator trusts the host (checked on the resolved address at connect time), robots.txt honoured, a
 * User-Agent naming Passerelle, per-host rate and concurrency limits, conditional requests,
 * timeouts, a body-size cap, a redirect cap (each hop re-checked), charset detection, and retries
 * with backoff on 5xx, 429 and network errors — never on other 4xx.
 */
export class PoliteFetcher {
  private readonly limiters = new Map<string, HostLimiter>();
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly retries: number;
  private readonly publicOnly: LookupFunction;
  pagesFetched = 0;

  constructor(private readonly options: FetcherOptions) {
    this.publicOnly = publicOnlyLookup(options.resolve);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.retries = options.retries ?? 4;
  }

  private checkHost(url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError(url.toString(), 'host_not_allowed', `protocol ${url.protocol} not allowed`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new FetchError(url.toString(), 'host_not_allowed', 'a URL with a user name or password is not fetched');
    }
    if (!this.options.allowedHosts.includes(url.host)) {
      throw new FetchError(url.toString(), 'host_not_allowed', `host ${url.host} is not a configured source host`);
    }
    // A literal address opens a socket without any lookup: it is judged here, names at connect time.
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.options.trustedHosts.has(url) && isIpLiteral(hostname)) {
      const reason = nonPublicReason(hostname);
      if (reason)
        throw new FetchError(
          url.toString(),
          'host_not_allowed',
          `${url.host} is a ${reason} address, not a public one`,
        );
    }
  }

  private limiter(host: string): HostLimiter {
    let limiter = this.limiters.get(host);
    if (!limiter) {
      limiter = new HostLimiter(
        this.options.maxConcurrency,
        1000 / this.options.requestsPerSecond,
        this.options.pacer ? { pacer: this.options.pacer, host } : undefined,
      );
      this.limiters.set(host, limiter);
    }
    return limiter;
  }

  private rulesFor(url: URL, signal?: AbortSignal): Promise<RobotsRules> {
    if (this.options.respectRobots === false) return Promise.resolve(ALLOW_ALL);
    let rules = this.robots.get(url.host);
    if (!rules) {
      rules = this.once(new URL('/robots.txt', url), { passStatuses: [404, 403, 401, 410] }, signal).then(
        (page) => {
          if (page.status >= 400) return ALLOW_ALL;
          const parsed = parseRobots(page.text, USER_AGENT);
          if (parsed.crawlDelaySeconds)
            this.limiter(url.host).slowDownTo(Math.min(parsed.crawlDelaySeconds, 30) * 1000);
          return parsed;
        },
        // A robots.txt that cannot be read (server error) means: crawl nothing for now (RFC 9309).
        // A host that may not be reached at all says so itself.
        (error: unknown) => {
          if (error instanceof FetchError && error.failure === 'host_not_allowed') throw error;
          return {
            isAllowed: () => false,
            crawlDelaySeconds: null,
            unreadable: error instanceof Error ? error.message : String(error),
          };
        },
      );
      this.robots.set(url.host, rules);
    }
    return rules;
  }

  async fetch(target: string, request: FetchRequest = {}, signal?: AbortSignal): Promise<FetchedPage> {
    const url = new URL(target);
    this.checkHost(url);
    const rules = await this.rulesFor(url, signal);
    if (!rules.isAllowed(`${url.pathname}${url.search}`)) {
      const unreadable = (rules as { unreadable?: string }).unreadable;
      throw new FetchError(
        target,
        'robots',
        unreadable ? `robots.txt could not be read (${unreadable})` : 'disallowed by robots.txt',
      );
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(url, request, signal);
      } catch (error) {
        if (!(error instanceof FetchError) || !error.retryable || attempt >= this.retries || signal?.aborted)
          throw error;
        const backoff = Math.min(500 * 2 ** attempt, 30_000) * (0.75 + Math.random() / 2);
        const wait = Math.min(error.retryAfterMs ?? backoff, 60_000) * (this.options.backoffScale ?? 1);
        await sleep(wait, undefined, { signal });
      }
    }
  }

  private async once(start: URL, request: FetchRequest, signal?: AbortSignal): Promise<FetchedPage> {
    let url = start;
    for (let hop = 0; hop <= this.maxRedirects; hop += 1) {
      this.checkHost(url);
      const response = await this.limiter(url.host).run(() => this.send(url, request, signal), signal);
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location)
          throw new FetchError(url.toString(), 'http', `redirect ${response.status} without Location`, response.status);
        url = new URL(location, url);
        continue;
      }
      return this.read(url, response, request);
    }
    throw new FetchError(start.toString(), 'redirects', `more than ${this.maxRedirects} redirects`);
  }

  private async send(url: URL, request: FetchRequest, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      Accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8',
      'Accept-Language': 'fr-FR,fr;q=0.9',
      'Accept-Encoding': 'gzip, deflate, br',
      ...request.headers,
    };
    if (request.validators?.etag) headers['If-None-Match'] = request.validators.etag;
    if (request.validators?.lastModified) headers['If-Modified-Since'] = request.validators.lastModified;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      this.pagesFetched += 1;
      return await this.request(
        url,
        request.method ?? 'GET',
        headers,
        request.body,
        signal ? AbortSignal.any([signal, timeout]) : timeout,
      );
    } catch (error) {
      if (error instanceof AddressNotPublicError)
        throw new FetchError(url.toString(), 'host_not_allowed', error.message);
      if (timeout.aborted) throw new FetchError(url.toString(), 'timeout', `no answer within ${this.timeoutMs} ms`);
      if (signal?.aborted) throw error;
      throw new FetchError(
        url.toString(),
        'network',
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
      );
    }
  }

  /**
   * One HTTP exchange through node:http rather than fetch(): only node:http lets us give the socket
   * its own `lookup` (fetch's undici agent is not reachable without a dependency), and that lookup
   * is where the resolved address is checked, at the moment the connection is opened.
   */
  private request(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    const trusted = this.options.trustedHosts.has(url);
    return new Promise<Response>((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const outgoing = client.request(
        url,
        // agent: false, one connection per request: a pooled socket is never handed to another check.
        { method, headers, signal, agent: false, ...(trusted ? {} : { lookup: this.publicOnly }) },
        (incoming) => {
          const status = incoming.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (Array.isArray(value)) value.forEach((item) => responseHeaders.append(name, item));
            else if (value !== undefined) responseHeaders.set(name, value);
          }
          const nullBody = method === 'HEAD' || status === 204 || status === 205 || status === 304;
          if (nullBody || status < 200 || status > 599) incoming.resume();
          if (status < 200 || status > 599) {
            reject(new Error(`unexpected HTTP status ${status}`));
            return;
          }
          resolve(
            new Response(nullBody ? null : (Readable.toWeb(decoded(incoming)) as ReadableStream<Uint8Array>), {
              status,
              statusText: incoming.statusMessage,
              headers: responseHeaders,
            }),
          );
        },
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  }

  private async read(url: URL, response: Response, request: FetchRequest): Promise<FetchedPage> {
    const validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    if (response.status === 304) {
      return {
        url: url.toString(),
        status: 304,
        headers: response.headers,
        contentType,
        text: '',
        charset: 'utf-8',
        notModified: true,
        validators,
      };
    }
    const passed = request.passStatuses?.includes(response.status) ?? false;
    if (response.status >= 400 && !passed) {
      await response.body?.cancel();
      throw new FetchError(
        url.toString(),
        'http',
        `HTTP ${response.status}`,
        response.status,
        retryAfterMs(response.headers.get('retry-after')),
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > this.maxBytes) {
      await response.body?.cancel();
      throw new FetchError(url.toString(), 'too_large', `body of ${declared} bytes over the ${this.maxBytes}-byte cap`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.maxBytes) {
          await reader.cancel();
          throw new FetchError(url.toString(), 'too_large', `body over the ${this.maxBytes}-byte cap`);
        }
        chunks.push(value);
      }
    }
    const bytes = Buffer.concat(chunks);
    const { text, charset } = decodeBody(bytes, contentType);
    return {
      url: url.toString(),
      status: response.status,
      headers: response.headers,
      contentType,
      text,
      charset,
      notModified: false,
      validators,
    };
  }
}
