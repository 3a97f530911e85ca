import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';

export interface OidcTestUser {
  sub: string;
  email: string;
  name: string;
  /** What the provider says it checked at login (ID-token `amr`), read at each login: tests may change it. */
  amr?: string[];
}

export interface LocalOidcProvider {
  /** e.g. http://127.0.0.1:41234 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
  /**
   * Acts as the browser for one authorization request: follows the provider's redirects, logs in as
   * `user` (looked up by sub among the users given to startOidcProvider; an unknown sub is denied),
   * grants consent and returns the redirect to our redirect_uri (with ?code=&state= or ?error=).
   */
  loginAs(authorizationUrl: string, user: OidcTestUser): Promise<URL>;
}

// The slice of oidc-provider's API used here: the package ships no types, and @types/oidc-provider
// is not a dependency of the project.
interface ConsentDetails {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}
interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: ConsentDetails };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
type InteractionResult =
  | { login: { accountId: string; amr?: string[] } }
  | { consent: { grantId: string } }
  | { error: string; error_description?: string };
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: InteractionResult,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
}
type ProviderConstructor = new (issuer: string, configuration: object) => Provider;
interface KoaContext {
  type: string;
  body: unknown;
}
type AdapterPayload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

const CLIENT_ID = 'passerelle-test';
const INTERACTION_PATH = /^\/interaction\/([^/]+)(?:\/(login|consent))?$/;
const MAX_HOPS = 20;

let providerClass: Promise<ProviderConstructor> | undefined;

/** Starts an OpenID Connect provider on 127.0.0.1 (plain HTTP) with one confidential client. */
export async function startOidcProvider(options: {
  redirectUris: string[];
  users: OidcTestUser[];
}): Promise<LocalOidcProvider> {
  const Provider = await loadProviderClass();
  const users = new Map(options.users.map((user) => [user.sub, user]));
  const clientSecret = randomBytes(32).toString('base64url');
  const jwks = { keys: [await signingKey()] };

  // The issuer must be known before the provider exists, so the port is taken first; nobody can
  // send a request before the port is handed out.
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('oidc-provider fixture: no TCP address');
  const issuer = `http://127.0.0.1:${address.port}`;

  let provider: Provider;
  try {
    provider = new Provider(issuer, providerConfiguration(options.redirectUris, users, clientSecret, jwks));
  } catch (error) {
    server.close();
    throw error;
  }
  const providerCallback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', issuer).pathname);
    if (match) {
      handleInteraction(provider, users, match[1] ?? '', match[2], req, res).catch((error: unknown) =>
        sendJson(res, 500, { error: 'server_error', error_description: String(error) }),
      );
      return;
    }
    void providerCallback(req, res);
  });

  const registeredRedirects = new Set(options.redirectUris.map(withoutQuery));

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // fetch keeps connections alive; without this close() waits for them to time out.
      server.closeAllConnections();
      await closed;
    },
    loginAs: (authorizationUrl, user) => loginAs(issuer, registeredRedirects, authorizationUrl, user),
  };
}

function providerConfiguration(
  redirectUris: string[],
  users: Map<string, OidcTestUser>,
  clientSecret: string,
  jwks: { keys: object[] },
): object {
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // openid-client's default when it is given the secret as a string.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks,
    adapter: createAdapterFactory(),
    // amr is listed, and given when asked for with the claims parameter (as ProConnect does), so the
    // ID token carries the authentication methods a test gives the user.
    claims: { amr: null, openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // By default the ID token carries only sub when an access token is issued too (the rest is
    // left to userinfo); tests read the claims from the ID token.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      claimsParameter: { enabled: true },
      // Its warning is printed unconditionally; the interactions are served by handleInteraction.
      devInteractions: { enabled: false },
      // Kept for end_session_endpoint; both pages are replaced because the defaults print a notice.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContext, form: string) => {
          ctx.type = 'html';
          ctx.body = `<!DOCTYPE html>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`;
        },
        postLogoutSuccessSource: (ctx: KoaContext) => {
          ctx.type = 'text';
          ctx.body = 'Signed out';
        },
      },
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: user.email, email_verified: true, name: user.name }),
      };
    },
    // Same rule as the default, without its notice.
    clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: string[] }) =>
      client.redirectUris.some((uri) => new URL(uri).origin === origin),
    // JSON, so that a failing loginAs reports the provider's error in a readable form.
    renderError: (ctx: KoaContext, out: Record<string, string>) => {
      ctx.type = 'json';
      ctx.body = out;
    },
    // Explicit values: the defaults print a notice the first time they are read.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
}

/**
 * The interaction UI, for a client that is not a browser: GET tells which prompt is pending, POST
 * .../login (form field `sub`) and POST .../consent answer it.
 */
async function handleInteraction(
  provider: Provider,
  users: Map<string, OidcTestUser>,
  uid: string,
  action: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    sendJson(res, 400, { error: 'invalid_request', error_description: String(error) });
    return;
  }
  if (details.uid !== uid) {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'interaction uid mismatch' });
    return;
  }
  if (action === undefined && req.method === 'GET') {
    sendJson(res, 200, { uid, prompt: details.prompt.name });
    return;
  }
  if (req.method !== 'POST' || action !== details.prompt.name) {
    sendJson(res, 400, {
      error: 'invalid_request',
      error_description: `expected the ${details.prompt.name} prompt, got ${req.method ?? '?'} ${action ?? '(none)'}`,
    });
    return;
  }

  if (action === 'login') {
    const sub = new URLSearchParams(await readBody(req)).get('sub') ?? '';
    const amr = users.get(sub)?.amr;
    const result: InteractionResult = users.has(sub)
      ? { login: { accountId: sub, ...(amr ? { amr } : {}) } }
      : { error: 'access_denied', error_description: 'unknown user' };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }

  // Consent to everything asked, as oidc-provider's own dev interactions do.
  const accountId = details.session?.accountId;
  const clientId = details.params['client_id'];
  if (!accountId || typeof clientId !== 'string') {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'consent without a login' });
    return;
  }
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function loginAs(
  issuer: string,
  registeredRedirects: Set<string>,
  authorizationUrl: string,
  user: OidcTestUser,
): Promise<URL> {
  // A fresh jar per login: each call is a new browser, so no session leaks between users.
  const jar = new CookieJar();
  const providerOrigin = new URL(issuer).origin;
  let url = new URL(authorizationUrl);
  let method = 'GET';
  let body: string | undefined;

  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    if (registeredRedirects.has(withoutQuery(url.href))) return url;
    if (url.origin !== providerOrigin)
      throw new Error(`oidc-provider fixture: redirected off the provider to ${url.href}`);

    const headers: Record<string, string> = {};
    const cookie = jar.header(url);
    if (cookie) headers['cookie'] = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const request = `${method} ${url.href}`;
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    jar.store(url, response.headers.getSetCookie());
    const text = await response.text();
    const location = response.headers.get('location');
    method = 'GET';
    body = undefined;

    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const match = INTERACTION_PATH.exec(url.pathname);
    if (response.status === 200 && match && !match[2]) {
      const { prompt } = JSON.parse(text) as { prompt: string };
      if (prompt !== 'login' && prompt !== 'consent') {
        throw new Error(`oidc-provider fixture: unsupported prompt ${prompt}`);
      }
      url = new URL(`${url.pathname}/${prompt}`, url);
      method = 'POST';
      body = prompt === 'login' ? new URLSearchParams({ sub: user.sub }).toString() : '';
      continue;
    }
    throw new Error(`oidc-provider fixture: ${request} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  throw new Error(`oidc-provider fixture: no redirect to the client after ${MAX_HOPS} requests`);
}

/** Just enough of RFC 6265 for a single host: name, path, expiry. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string; expires: number }>();

  store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = url.pathname.slice(0, Math.max(url.pathname.lastIndexOf('/'), 1));
      let expires = Infinity;
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const attributeValue = rest.join('=').trim();
        switch (key.trim().toLowerCase()) {
          case 'path':
            if (attributeValue.startsWith('/')) path = attributeValue;
            break;
          case 'max-age':
            expires = Date.now() + Number(attributeValue) * 1000;
            break;
          case 'expires':
            // Max-Age wins over Expires when both are given.
            if (expires === Infinity) expires = Date.parse(attributeValue);
            break;
        }
      }
      const key = `${name};${path}`;
      if (!(expires > Date.now())) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path, expires });
    }
  }

  header(url: URL): string {
    const now = Date.now();
    return [...this.cookies.values()]
      .filter((cookie) => cookie.expires > now && pathMatches(url.pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'))
  );
}

/**
 * oidc-provider warns on import (Node 20 is below the runtime it supports) and prints its notices
 * through console with no switch to turn them off; only those lines are dropped, and only while the
 * module loads.
 */
function loadProviderClass(): Promise<ProviderConstructor> {
  providerClass ??= (async () => {
    /* eslint-disable no-console -- swapping console is the only way to drop oidc-provider's notices */
    const { warn, info } = console;
    const fromOidcProvider = (first: unknown) => typeof first === 'string' && first.includes('oidc-provider ');
    console.warn = (...args: unknown[]) => {
      if (!fromOidcProvider(args[0])) warn(...args);
    };
    console.info = (...args: unknown[]) => {
      if (!fromOidcProvider(args[0])) info(...args);
    };
    try {
      // @ts-expect-error -- untyped package; ProviderConstructor above describes what is used.
      const module = (await import('oidc-provider')) as { Provider: ProviderConstructor };
      return module.Provider;
    } finally {
      console.warn = warn;
      console.info = info;
    }
    /* eslint-enable no-console */
  })();
  return providerClass;
}

async function signingKey(): Promise<object> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * A per-provider store: oidc-provider's built-in memory adapter warns when used and, by default,
 * shares one store across every provider in the process.
 */
function createAdapterFactory() {
  const store = new Map<string, { payload: AdapterPayload; expires: number }>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  const findBy = (field: 'uid' | 'userCode', model: string, value: string) => {
    for (const key of store.keys()) {
      const payload = key.startsWith(`${model}:`) ? live(key) : undefined;
      if (payload?.[field] === value) return payload;
    }
    return undefined;
  };
  // Methods return promises without being async: nothing here waits.
  return (model: string) => ({
    upsert: (id: string, payload: AdapterPayload, expiresIn?: number) => {
      const expires = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
      store.set(`${model}:${id}`, { payload: structuredClone(payload), expires });
      return Promise.resolve();
    },
    find: (id: string) => Promise.resolve(live(`${model}:${id}`)),
    findByUid: (uid: string) => Promise.resolve(findBy('uid', model, uid)),
    findByUserCode: (userCode: string) => Promise.resolve(findBy('userCode', model, userCode)),
    consume: (id: string) => {
      const payload = live(`${model}:${id}`);
      if (payload) payload['consumed'] = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    },
    destroy: (id: string) => {
      store.delete(`${model}:${id}`);
      return Promise.resolve();
    },
    revokeByGrantId: (grantId: string) => {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
      return Promise.resolve();
    },
  });
}

function withoutQuery(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
