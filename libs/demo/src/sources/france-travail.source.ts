import { randomBytes } from 'node:crypto';
import type { CatalogEntry, DemoCatalog } from '../catalog/demo-catalog.js';
import type { DemoState } from '../control/demo-state.js';
import { DAY_MS } from '../generator/paris-time.js';
import { readBody, sendJson, type DemoRequestContext, type DemoSourceApp } from '../http/demo-http.js';
import { franceTravailOffre } from './france-travail.mapper.js';
import { FranceTravailSearchIndex, type SearchableOffer, type SearchFilters } from './france-travail.search.js';
import { jobConnexionOfferPath } from './job-connexion.pages.js';
import { nordemploiOfferPath } from './nordemploi.pages.js';

/**
 * France Travail's Offres d'emploi v2 API, as its OpenAPI description and its live behaviour define
 * it: OAuth2 client credentials on the "partenaire" realm, `range=p-d` pagination of at most 150
 * offers with `p` ≤ 3000, 206 Partial Content while more remain, 200 for the last chunk, 204 when
 * nothing matches, errors as `{ message, codeHttp }`.
 */

export const FRANCE_TRAVAIL_PREFIX = '/francetravail';
export const FRANCE_TRAVAIL_TOKEN_PATH = `${FRANCE_TRAVAIL_PREFIX}/connexion/oauth2/access_token`;
export const FRANCE_TRAVAIL_API_PATH = `${FRANCE_TRAVAIL_PREFIX}/partenaire/offresdemploi`;
export const FRANCE_TRAVAIL_REALM = '/partenaire';
export const FRANCE_TRAVAIL_SCOPES = ['api_offresdemploiv2', 'o2dsoffre'] as const;

export const MAX_RANGE_SIZE = 150;
export const MAX_RANGE_START = 3000;

const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;
const ROME_CODE = /^[A-N]\d{4}$/;
const CREATION_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const CONTRACT_TYPES = new Set(['CDI', 'CDD', 'MIS', 'SAI', 'DIN', 'LIB', 'REP', 'FRA', 'CCE', 'TTI', 'DDI', 'DDT']);
const PUBLISHED_SINCE_DAYS = new Set([1, 3, 7, 14, 31]);

export interface FranceTravailOptions {
  /** The demo's "now" is the catalogue's reference date plus the time elapsed since this instant. */
  readonly startedAtMs: number;
}

/**
 * The offers the API serves: the demo catalogue's generated ones (demoCatalogOffers), or raw
 * records given as they are (recordedOffers, for evaluations on real offers).
 */
export interface FranceTravailOffers<E extends SearchableOffer = SearchableOffer> {
  /** Every offer, in the order searches list them. */
  readonly entries: readonly E[];
  /** The offer this id names, if the API serves it. */
  entry(id: string): E | undefined;
  /** The offer's JSON as the API returns it; `origin` is this server's (`http://127.0.0.1:PORT`). */
  render(entry: E, origin: string): unknown;
  /** The offers' "now" when the server started: `publieeDepuis` counts back from it. */
  readonly referenceMs: number;
}

/** The demo catalogue's France Travail offers, newest first; copies link to the board's original. */
export function demoCatalogOffers(catalog: DemoCatalog): FranceTravailOffers<CatalogEntry> {
  const partnerUrl = (origin: string, originalId: string): string | undefined => {
    const original = catalog.offer(originalId);
    if (!original) return undefined;
    const path =
      original.platform === 'nordemploi' ? nordemploiOfferPath(original.id) : jobConnexionOfferPath(original);
    return `${origin}${path}`;
  };
  return {
    entries: catalog.entries('france-travail'),
    entry: (id) => {
      const entry = catalog.entry(id);
      return entry?.platform === 'france-travail' ? entry : undefined;
    },
    render: (entry, origin) => {
      const offer = catalog.offerOf(entry);
      return franceTravailOffre(offer, offer.duplicateOf && partnerUrl(origin, offer.duplicateOf.id));
    },
    referenceMs: catalog.options.referenceDate.getTime(),
  };
}

/** A raw "Offres d'emploi v2" record: at least its id, every other field as France Travail wrote it. */
export interface FranceTravailRecord {
  readonly id: string;
  readonly [field: string]: unknown;
}

/**
 * Raw records served as they are, in the given order. The search filters read the record's
 * `lieuTravail` (département from `commune`, else from a `59 - LILLE` label), `romeCode`,
 * `typeContrat` and `dateCreation`.
 */
export function recordedOffers(records: readonly FranceTravailRecord[], referenceMs: number): FranceTravailOffers {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const byId = new Map<string, { entry: SearchableOffer; record: FranceTravailRecord }>();
  const entries = records.map((record) => {
    const place = (record.lieuTravail ?? {}) as { commune?: unknown; libelle?: unknown };
    const commune = text(place.commune);
    const departement = commune
      ? commune.startsWith('97')
        ? commune.slice(0, 3)
        : commune.slice(0, 2)
      : (/^(\d{2,3}|2[AB]) - /.exec(text(place.libelle))?.[1] ?? '');
    const entry: SearchableOffer = {
      id: record.id,
      departement,
      romeCode: text(record.romeCode),
      contractType: text(record.typeContrat),
      publishedMs: Date.parse(text(record.dateCreation)) || 0,
    };
    byId.set(record.id, { entry, record });
    return entry;
  });
  return {
    entries,
    entry: (id) => byId.get(id)?.entry,
    render: (entry) => byId.get(entry.id)?.record,
    referenceMs,
  };
}

class BadRequest extends Error {}

function list(
  params: URLSearchParams,
  name: string,
  max: number,
  pattern: (value: string) => boolean,
): Set<string> | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const values = raw.split(',').map((value) => value.trim());
  if (values.length > max || !values.every(pattern))
    throw new BadRequest(`Valeur du paramètre « ${name} » incorrecte.`);
  return new Set(values);
}

function creationDate(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!CREATION_DATE.test(raw) || Number.isNaN(ms)) throw new BadRequest(`Format du paramètre « ${name} » incorrect.`);
  return ms;
}

function parseRange(raw: string | null): { first: number; last: number } {
  const match = /^(\d+)-(\d+)$/.exec(raw ?? `0-${MAX_RANGE_SIZE - 1}`);
  if (!match) throw new BadRequest('Format du paramètre « range » incorrect. <entier>-<entier> attendu.');
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (last < first) throw new BadRequest('Format du paramètre « range » incorrect. <entier>-<entier> attendu.');
  if (last - first + 1 > MAX_RANGE_SIZE) throw new BadRequest('La plage de résultats demandée est trop importante.');
  if (first > MAX_RANGE_START)
    throw new BadRequest(`La position de début doit être inférieure ou égale à ${MAX_RANGE_START}.`);
  return { first, last };
}

const apiError = (
  context: DemoRequestContext,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void => sendJson(context, status, { message, codeHttp: status }, headers);

const oauthError = (
  context: DemoRequestContext,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void =>
  sendJson(context, status, { error, error_description: description }, { 'Cache-Control': 'no-store', ...headers });

export function franceTravailApp<E extends SearchableOffer>(
  offers: FranceTravailOffers<E>,
  state: DemoState,
  options: FranceTravailOptions,
): DemoSourceApp {
  const ft = state.franceTravail;
  const demoNow = (): number => offers.referenceMs + (Date.now() - options.startedAtMs);
  const entries = offers.entries;
  const index = new FranceTravailSearchIndex(entries);

  const token = async (context: DemoRequestContext): Promise<void> => {
    if (context.req.method !== 'POST') {
      oauthError(context, 405, 'invalid_request', 'The token endpoint only accepts POST', { Allow: 'POST' });
      return;
    }
    if (context.url.searchParams.get('realm') !== FRANCE_TRAVAIL_REALM) {
      oauthError(context, 400, 'invalid_request', `Realm must be ${FRANCE_TRAVAIL_REALM}`);
      return;
    }
    if (!(context.req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      oauthError(context, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
      return;
    }
    const form = new URLSearchParams(await readBody(context.req));
    if (form.get('grant_type') !== 'client_credentials') {
      oauthError(context, 400, 'unsupported_grant_type', 'Grant type is not supported: use client_credentials');
      return;
    }
    // RFC 6749 §2.3.1: client credentials in the form or in an HTTP Basic header.
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const authorization = context.req.headers.authorization;
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      try {
        clientId = colon < 0 ? null : decodeURIComponent(decoded.slice(0, colon));
        clientSecret = colon < 0 ? null : decodeURIComponent(decoded.slice(colon + 1));
      } catch {
        clientId = null;
      }
    }
    if (clientId !== ft.clientId || clientSecret !== ft.clientSecret) {
      oauthError(context, 401, 'invalid_client', 'Client authentication failed', {
        'WWW-Authenticate': `Basic realm="${FRANCE_TRAVAIL_REALM}"`,
      });
      return;
    }
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter((scope) => scope.length > 0);
    const known = new Set<string>([...FRANCE_TRAVAIL_SCOPES, `application_${ft.clientId}`]);
    const unknown = scopes.filter((scope) => !known.has(scope));
    if (unknown.length > 0 || !FRANCE_TRAVAIL_SCOPES.every((scope) => scopes.includes(scope))) {
      const offending = unknown.length > 0 ? unknown : FRANCE_TRAVAIL_SCOPES.filter((scope) => !scopes.includes(scope));
      oauthError(context, 400, 'invalid_scope', `Unknown/invalid scope(s): [${offending.join(', ')}]`);
      return;
    }
    const now = Date.now();
    for (const [value, issued] of ft.tokens) if (issued.expiresAtMs <= now) ft.tokens.delete(value);
    const accessToken = randomBytes(24).toString('base64url');
    ft.tokens.set(accessToken, { expiresAtMs: now + ft.tokenLifetimeSeconds * 1000 });
    ft.tokensIssued += 1;
    sendJson(
      context,
      200,
      {
        scope: FRANCE_TRAVAIL_SCOPES.join(' '),
        expires_in: ft.tokenLifetimeSeconds,
        token_type: 'Bearer',
        access_token: accessToken,
      },
      { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    );
  };

  /** Checks the bearer token and spends one of its calls; answers 401 itself when it fails. */
  const authenticated = (context: DemoRequestContext): boolean => {
    const header = context.req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const issued = match ? ft.tokens.get(match[1]) : undefined;
    const challenge = `Bearer realm="${FRANCE_TRAVAIL_REALM}"`;
    if (!match) {
      apiError(context, 401, 'Jeton d’accès absent : en-tête Authorization: Bearer attendu.', {
        'WWW-Authenticate': challenge,
      });
      return false;
    }
    if (!issued || issued.expiresAtMs <= Date.now() || issued.callsLeft === 0) {
      if (issued) ft.tokens.delete(match[1]);
      apiError(context, 401, 'Jeton d’accès invalide ou expiré.', {
        'WWW-Authenticate': `${challenge}, error="invalid_token"`,
      });
      return false;
    }
    if (issued.callsLeft !== undefined) issued.callsLeft -= 1;
    return true;
  };

  const render = (context: DemoRequestContext, entry: E): unknown => offers.render(entry, context.origin);

  const search = (context: DemoRequestContext): void => {
    if (!authenticated(context)) return;
    ft.searchCalls += 1;
    const retryAfter = ft.throttled.get(ft.searchCalls);
    if (retryAfter !== undefined) {
      apiError(context, 429, 'Trop de requêtes : quota d’appels dépassé, réessayez plus tard.', {
        'Retry-After': String(retryAfter),
      });
      return;
    }
    const params = context.url.searchParams;
    let range: { first: number; last: number };
    let filters: SearchFilters;
    try {
      range = parseRange(params.get('range'));
      const publishedSince = params.get('publieeDepuis');
      let minCreationMs = creationDate(params, 'minCreationDate');
      if (publishedSince !== null && publishedSince !== '') {
        const days = Number(publishedSince);
        if (!PUBLISHED_SINCE_DAYS.has(days)) throw new BadRequest('Valeur du paramètre « publieeDepuis » incorrecte.');
        minCreationMs = Math.max(minCreationMs ?? 0, demoNow() - days * DAY_MS);
      }
      const departements = list(params, 'departement', 5, (value) => DEPARTEMENT.test(value));
      const romeCodes = list(params, 'codeROME', 200, (value) => ROME_CODE.test(value));
      const contractTypes = list(params, 'typeContrat', 20, (value) => CONTRACT_TYPES.has(value));
      const maxCreationMs = creationDate(params, 'maxCreationDate');
      filters = {
        ...(departements ? { departements } : {}),
        ...(romeCodes ? { romeCodes } : {}),
        ...(contractTypes ? { contractTypes } : {}),
        ...(minCreationMs === undefined ? {} : { minCreationMs }),
        ...(maxCreationMs === undefined ? {} : { maxCreationMs }),
      };
    } catch (error) {
      if (error instanceof BadRequest) {
        apiError(context, 400, error.message);
        return;
      }
      throw error;
    }
    const { positions, contractCounts } = index.search(filters, state.dropped);
    const total = positions.length;
    if (total === 0 || range.first >= total) {
      sendJson(context, 204, undefined, { 'Content-Range': `offres */${total}`, 'Accept-Range': MAX_RANGE_SIZE });
      return;
    }
    const last = Math.min(range.last, total - 1);
    const body = {
      resultats: [...positions.subarray(range.first, last + 1)].map((position) => render(context, entries[position])),
      filtresPossibles: [
        {
          filtre: 'typeContrat',
          agregation: [...contractCounts].map(([valeurPossible, nbResultats]) => ({ valeurPossible, nbResultats })),
        },
      ],
    };
    sendJson(context, last < total - 1 ? 206 : 200, body, {
      'Content-Range': `offres ${range.first}-${last}/${total}`,
      'Accept-Range': MAX_RANGE_SIZE,
    });
  };

  const detail = (context: DemoRequestContext, id: string): void => {
    if (!authenticated(context)) return;
    if (!/^[0-9A-Za-z]{1,12}$/.test(id)) {
      apiError(context, 400, 'Le format de l’id de l’offre recherchée est incorrect.');
      return;
    }
    const entry = offers.entry(id);
    // The official API answers 204 No Content, not 404, for an offer that does not (or no longer) exist.
    if (!entry || state.dropped.has(id)) {
      sendJson(context, 204, undefined);
      return;
    }
    sendJson(context, 200, render(context, entry));
  };

  return {
    prefix: FRANCE_TRAVAIL_PREFIX,
    // An API is not crawled: nothing to disallow, and an API client that checks robots.txt still works.
    robotsRules: [],
    sendError(context, status) {
      apiError(context, status, status === 500 ? 'Erreur interne au serveur' : `Erreur ${status}`);
    },
    async handle(context) {
      const path = context.url.pathname;
      if (path === FRANCE_TRAVAIL_TOKEN_PATH) {
        await token(context);
        return;
      }
      if (!path.startsWith(`${FRANCE_TRAVAIL_API_PATH}/`)) {
        apiError(context, 404, 'Ressource introuvable.');
        return;
      }
      if (context.req.method !== 'GET' && context.req.method !== 'HEAD') {
        apiError(context, 405, 'Méthode non autorisée.', { Allow: 'GET' });
        return;
      }
      const resource = path.slice(FRANCE_TRAVAIL_API_PATH.length);
      if (resource === '/v2/offres/search') {
        search(context);
        return;
      }
      const offerMatch = /^\/v2\/offres\/([^/]+)$/.exec(resource);
      if (offerMatch) {
        detail(context, offerMatch[1]);
        return;
      }
      apiError(context, 404, 'Ressource introuvable.');
    },
  };
}
