/** What replaces a secret in a logged URL. */
export const REDACTED = '[redacted]';

/** Path prefixes whose next segment is a bearer secret (the employer's card link, the person's space). */
const SECRET_SEGMENT_AFTER = new Set(['cartes', 'espace']);

/**
 * Query parameters that carry a credential: the OIDC callback's `code` and `state` (and what
 * providers add to them), the web's one-time SSO code (`sso`), and the usual names of tokens,
 * keys and reset or invitation links, so a route added later is covered by its name alone.
 */
const SECRET_PARAMETERS = new Set([
  'code',
  'state',
  'session_state',
  'id_token',
  'access_token',
  'refresh_token',
  'token',
  'sso',
  'key',
  'apikey',
  'api_key',
  'secret',
  'password',
  'signature',
  'sig',
  'ticket',
  'nonce',
  'code_verifier',
  'reset',
  'invitation',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A long opaque segment or value (random tokens are 32 bytes and more in base64url or hex). */
const OPAQUE = /^[A-Za-z0-9_.-]{32,}$/;

function secretLooking(value: string): boolean {
  return OPAQUE.test(value) && !UUID.test(value);
}

/**
 * A request URL fit for a log line: the secret path segments (card links, any long opaque token)
 * and the values of secret query parameters replaced by `[redacted]`; ids, routes and other
 * parameters kept, so the line still says what was asked.
 */
export function redactRequestUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const path = question === -1 ? withoutFragment : withoutFragment.slice(0, question);
  const query = question === -1 ? null : withoutFragment.slice(question + 1);
  const segments = path.split('/');
  const redactedPath = segments
    .map((segment, index) =>
      (index > 0 && SECRET_SEGMENT_AFTER.has(segments[index - 1].toLowerCase()) && segment !== '') ||
      secretLooking(segment)
        ? REDACTED
        : segment,
    )
    .join('/');
  if (query === null) return redactedPath;
  const redactedQuery = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return secretLooking(pair) ? REDACTED : pair;
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: judge the name as written.
      }
      return SECRET_PARAMETERS.has(decoded.toLowerCase()) || secretLooking(value) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${redactedPath}?${redactedQuery}`;
}
