import type { SiteDescription } from '../../domain/site-description.js';
import type { FetchedPayload, SourceDefinition, SourceItem } from '../../domain/source.js';
import { parseAnyOfferPage } from '../parsers/any-page.parser.js';
import { type FranceTravailOffer, parseFranceTravailOffer } from '../parsers/france-travail.parser.js';
import { type ParseResult, parseOfferPage } from '../parsers/site-description.parser.js';

/** Today's parser of one stored payload of a source, by the source's kind. */
export function payloadParser(definition: SourceDefinition): (payload: FetchedPayload) => ParseResult {
  switch (definition.kind) {
    case 'france_travail':
      return (payload) => {
        try {
          return parseFranceTravailOffer(JSON.parse(payload.body) as FranceTravailOffer);
        } catch {
          return { ok: false, field: 'payload', reason: 'the stored payload is not JSON' };
        }
      };
    case 'html_board': {
      const description = definition.config as SiteDescription;
      return (payload) => parseOfferPage(payload.body, payload.url ?? description.listing.url, description);
    }
    case 'jsonld':
      return (payload) => parseAnyOfferPage(payload.body, payload.url ?? '');
    default:
      return () => ({ ok: false, field: 'source', reason: `a ${definition.kind} source has no payloads to replay` });
  }
}

/**
 * The items of a run that fetches nothing: the stored payloads of the source's offers, and of the
 * offers its last run rejected, parsed again by today's parsers (`reparse`).
 */
export async function* replayPayloads(
  definition: SourceDefinition,
  payloads: AsyncIterable<FetchedPayload>,
): AsyncGenerator<SourceItem> {
  const parse = payloadParser(definition);
  for await (const payload of payloads) {
    const parsed = parse(payload);
    yield parsed.ok
      ? { kind: 'offer', raw: parsed.raw, payload }
      : {
          kind: 'rejection',
          url: payload.url ?? undefined,
          externalId: parsed.externalId,
          field: parsed.field,
          reason: parsed.reason,
          payload,
        };
  }
}
