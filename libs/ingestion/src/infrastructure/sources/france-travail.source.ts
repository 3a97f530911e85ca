import type { FranceTravailConfig, SourceItem } from '../../domain/source.js';
import { FetchError } from '../../domain/fetch-error.js';
import type { PoliteFetcher } from '../http/polite-fetcher.js';
import { type FranceTravailOffer, parseFranceTravailOffer } from '../parsers/france-travail.parser.js';
import type { SourceAdapter, SourceRunContext } from './source-adapter.js';

const PAGE_SIZE = 150;
/** The API refuses a range starting past 3,000: narrower queries (per département, ROME) stay under it. */
const MAX_RANGE_START = 3000;
const DEFAULT_SCOPE = 'api_offresdemploiv2 o2dsoffre';

/** OAuth2 client-credentials token, renewed before it expires or when the API says it expired. */
class TokenProvider {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly config: FranceTravailConfig,
    private readonly fetcher: PoliteFetcher,
    private readonly signal: AbortSignal,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 5_000) return this.token.value;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.config.clientId ?? '',
      client_secret: this.config.clientSecret ?? '',
      scope: this.config.scope ?? DEFAULT_SCOPE,
    });
    const page = await this.fetcher.fetch(
      this.config.tokenUrl,
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() },
      this.signal,
    );
    const answer = JSON.parse(page.text) as { access_token?: string; expires_in?: number };
    if (!answer.access_token) throw new Error('the token endpoint answered without access_token');
    this.token = { value: answer.access_token, expiresAt: Date.now() + (answer.expires_in ?? 1500) * 1000 };
    return this.token.value;
  }

  invalidate(): void {
    this.token = null;
  }
}

function* queries(config: FranceTravailConfig): Generator<URLSearchParams> {
  const departements = config.departements.length > 0 ? config.departements : [undefined];
  const romeGroups =
    config.romeCodes && config.romeCodes.length > 0 ? config.romeCodes.map((code) => [code]) : [undefined];
  for (const departement of departements) {
    for (const rome of romeGroups) {
      const params = new URLSearchParams();
      if (departement) params.set('departement', departement);
      if (rome) params.set('codeROME', rome.join(','));
      yield params;
    }
  }
}

async function* searchAll(context: SourceRunContext, config: FranceTravailConfig): AsyncGenerator<SourceItem> {
  const tokens = new TokenProvider(config, context.fetcher, context.signal);
  const searchUrl = `${config.apiUrl.replace(/\/$/, '')}/v2/offres/search`;
  const seen = new Set<string>();
  for (const params of queries(config)) {
    for (let start = 0; start <= MAX_RANGE_START; start += PAGE_SIZE) {
      params.set('range', `${start}-${start + PAGE_SIZE - 1}`);
      const url = `${searchUrl}?${params.toString()}`;
      let page;
      try {
        page = await context.fetcher.fetch(
          url,
          {
            headers: { Authorization: `Bearer ${await tokens.get()}`, Accept: 'application/json' },
            passStatuses: [401],
          },
          context.signal,
        );
        if (page.status === 401) {
          // The token expired early or was revoked: one renewal, then a second 401 is an error.
          tokens.invalidate();
          page = await context.fetcher.fetch(
            url,
            { headers: { Authorization: `Bearer ${await tokens.get()}`, Accept: 'application/json' } },
            context.signal,
          );
        }
      } catch (error) {
        const reason = error instanceof FetchError ? error.message : String(error);
        yield { kind: 'incomplete', reason: `search ${params.toString()}: ${reason}` };
        break;
      }
      yield { kind: 'page' };
      if (page.status === 204 || page.text.trim() === '') break;
      let results: FranceTravailOffer[];
      try {
        results = (JSON.parse(page.text) as { resultats?: FranceTravailOffer[] }).resultats ?? [];
      } catch {
        yield { kind: 'incomplete', reason: `search ${params.toString()}: the answer is not JSON` };
        break;
      }
      for (const offer of results) {
        const payload = {
          body: JSON.stringify(offer),
          contentType: 'application/json',
          url: offer.id ? `${config.apiUrl}/v2/offres/${offer.id}` : null,
        };
        if (offer.id && seen.has(offer.id)) continue;
        if (offer.id) seen.add(offer.id);
        const parsed = parseFranceTravailOffer(offer);
        yield parsed.ok
          ? { kind: 'offer', raw: parsed.raw, payload }
          : { kind: 'rejection', externalId: parsed.externalId, field: parsed.field, reason: parsed.reason, payload };
      }
      // 206 Partial Content says more remain; 200 is the last (or only) chunk.
      const total = Number(/\/(\d+)\s*$/.exec(page.headers.get('content-range') ?? '')?.[1] ?? '0');
      if (page.status !== 206 || start + PAGE_SIZE >= total) break;
      if (start + PAGE_SIZE > MAX_RANGE_START) {
        yield {
          kind: 'incomplete',
          reason: `search ${params.toString()}: more than ${MAX_RANGE_START + PAGE_SIZE} offers; narrow it (ROME codes)`,
        };
      }
    }
  }
}

/** France Travail "Offres d'emploi v2" (or any compatible server). */
export const franceTravailSource: SourceAdapter = {
  items(context) {
    return searchAll(context, context.definition.config as FranceTravailConfig);
  },
};
