import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoRequestRecord, RequestLog } from './request-log.js';

/** One request, as a source handler sees it. */
export interface DemoRequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Origin of this server, `http://127.0.0.1:PORT`, for absolute links. */
  readonly origin: string;
}

/** One imitated platform, mounted under a path prefix. */
export interface DemoSourceApp {
  /** `/nordemploi`: the app answers this path and everything below it. */
  readonly prefix: string;
  /** Lines for the origin's robots.txt (`Disallow: /nordemploi/admin`), under one `User-agent: *`. */
  readonly robotsRules: readonly string[];
  handle(context: DemoRequestContext): Promise<void> | void;
  /** The platform's own error response (HTML page or JSON), used for injected failures too. */
  sendError(context: DemoRequestContext, status: number): void;
}

export interface InjectedFailures {
  /** The status to answer instead of serving this request, if a failure is armed for it. */
  take(path: string, query: string): number | undefined;
}

export interface RunningHttpServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly crawlDelaySeconds: number;
}

export function robotsTxt(apps: readonly DemoSourceApp[], crawlDelaySeconds: number): string {
  const lines = ['# Serveurs de démonstration Passerelle', 'User-agent: *'];
  if (crawlDelaySeconds > 0) lines.push(`Crawl-delay: ${crawlDelaySeconds}`);
  for (const app of apps) lines.push(...app.robotsRules);
  return `${lines.join('\n')}\n`;
}

export async function startHttpServer(
  apps: readonly DemoSourceApp[],
  log: RequestLog,
  failures: InjectedFailures,
  options: HttpServerOptions,
): Promise<RunningHttpServer> {
  let origin = '';
  const robots = robotsTxt(apps, options.crawlDelaySeconds);

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const record: DemoRequestRecord = log.record({
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      ...(req.headers['user-agent'] === undefined ? {} : { userAgent: req.headers['user-agent'] }),
      conditional: req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined,
    });
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    const context: DemoRequestContext = { req, res, url, origin };
    if (url.pathname === '/robots.txt') {
      send(context, { status: 200, contentType: 'text/plain; charset=utf-8', body: robots });
      return;
    }
    const app = apps.find(
      (candidate) => url.pathname === candidate.prefix || url.pathname.startsWith(`${candidate.prefix}/`),
    );
    if (!app) {
      send(context, { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not Found\n' });
      return;
    }
    const injected = failures.take(url.pathname, url.search);
    if (injected !== undefined) {
      app.sendError(context, injected);
      return;
    }
    try {
      await app.handle(context);
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : undefined);
      } else {
        app.sendError(context, 500);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    void dispatch(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;

  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets would otherwise hold close() until they time out.
        server.closeAllConnections();
      }),
  };
}

export interface SendOptions {
  readonly status: number;
  readonly contentType?: string;
  readonly body?: string | Buffer;
  readonly headers?: Readonly<Record<string, string | number>>;
  /**
   * Makes the response revalidatable: an ETag of the body (and Last-Modified when given), answering
   * 304 Not Modified to If-None-Match / If-Modified-Since.
   */
  readonly cacheable?: { readonly lastModifiedMs?: number };
}

function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison for GET. */
function notModified(req: IncomingMessage, etag: string, lastModifiedMs: number | undefined): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    const bare = etag.replace(/^W\//, '');
    return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince !== undefined && lastModifiedMs !== undefined) {
    const since = Date.parse(ifModifiedSince);
    // HTTP dates have one-second precision.
    return !Number.isNaN(since) && Math.floor(lastModifiedMs / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

export function send(context: DemoRequestContext, options: SendOptions): void {
  const { req, res } = context;
  // Strings go to the socket as they are: encoding a 500 KB JSON page into a Buffer first is a copy too many.
  const body = options.body ?? '';
  const headers: Record<string, string | number> = { ...options.headers };
  if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
  const method = req.method ?? 'GET';
  if (options.cacheable && options.status === 200 && (method === 'GET' || method === 'HEAD')) {
    const etag = etagOf(body);
    headers.ETag = etag;
    headers['Cache-Control'] = 'no-cache';
    const lastModifiedMs = options.cacheable.lastModifiedMs;
    if (lastModifiedMs !== undefined) headers['Last-Modified'] = new Date(lastModifiedMs).toUTCString();
    if (notModified(req, etag, lastModifiedMs)) {
      delete headers['Content-Type'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
  }
  headers['Content-Length'] = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  res.writeHead(options.status, headers);
  if (method === 'HEAD') res.end();
  else res.end(body);
}

/** `data` undefined: no body (204). */
export function sendJson(
  context: DemoRequestContext,
  status: number,
  data: unknown,
  headers: Record<string, string | number> = {},
): void {
  if (data === undefined) {
    send(context, { status, headers });
    return;
  }
  send(context, { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(data), headers });
}

/** Reads a small request body (forms, JSON); larger bodies are refused. */
export async function readBody(req: IncomingMessage, limitBytes = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limitBytes) throw new RangeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Plain-text description (blank-line paragraphs, "- " or "• " list items) → HTML paragraphs and lists.
 */
export function descriptionHtml(description: string): string {
  const blocks: string[] = [];
  for (const paragraph of description.split(/\n{2,}/)) {
    const lines = paragraph.split('\n');
    let text: string[] = [];
    let items: string[] = [];
    const flushText = (): void => {
      if (text.length > 0) blocks.push(`<p>${text.map(escapeHtml).join('<br>')}</p>`);
      text = [];
    };
    const flushItems = (): void => {
      if (items.length > 0) blocks.push(`<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
      items = [];
    };
    for (const line of lines) {
      const item = /^(?:- |• )(.*)$/.exec(line);
      if (item) {
        flushText();
        items.push(item[1]);
      } else {
        flushItems();
        text.push(line);
      }
    }
    flushText();
    flushItems();
  }
  return blocks.join('\n');
}
