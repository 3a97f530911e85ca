import type { CookieOptions, Request, Response } from 'express';
import { type ResolvedConfig } from '@passerelle/core';
import { identityError } from '@passerelle/identity';

/**
 * The refresh token lives only in an HttpOnly cookie: script in the page (an injected one included)
 * can never read it, only have the browser send it. SameSite=Strict keeps other sites' requests
 * from carrying it, and the path keeps it off every request but the auth routes.
 */
export const REFRESH_COOKIE = 'passerelle_refresh';
const REFRESH_PATH = '/auth';
/** The SSO `state`, kept by the browser that started the login (Lax: the provider's redirect back is a top-level GET). */
export const SSO_STATE_COOKIE = 'passerelle_oidc_state';
const SSO_PATH = '/auth/oidc';
const SSO_STATE_SECONDS = 600;
/** The header the web application sets on the cookie-using calls; another site cannot send it (CORS preflight). */
export const CSRF_HEADER = 'x-requested-with';

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Secure whenever the browser talks HTTPS to us (directly, through a local proxy, or as the public
 * address says). Plain-HTTP development and tests on 127.0.0.1 get no Secure flag, which the
 * browser would otherwise refuse to store or send over HTTP.
 */
function secure(request: Request, config: ResolvedConfig): boolean {
  return request.secure || config.publicUrl?.protocol === 'https:';
}

function base(request: Request, config: ResolvedConfig, path: string, sameSite: 'strict' | 'lax'): CookieOptions {
  return { httpOnly: true, secure: secure(request, config), sameSite, path };
}

/** A session cookie (no Max-Age): closing the browser ends it, as closing the tab did before. */
export function setRefreshCookie(response: Response, request: Request, config: ResolvedConfig, token: string): void {
  response.cookie(REFRESH_COOKIE, token, base(request, config, REFRESH_PATH, 'strict'));
}

export function clearRefreshCookie(response: Response, request: Request, config: ResolvedConfig): void {
  response.clearCookie(REFRESH_COOKIE, base(request, config, REFRESH_PATH, 'strict'));
}

export function setSsoStateCookie(response: Response, request: Request, config: ResolvedConfig, state: string): void {
  response.cookie(SSO_STATE_COOKIE, state, {
    ...base(request, config, SSO_PATH, 'lax'),
    maxAge: SSO_STATE_SECONDS * 1000,
  });
}

export function clearSsoStateCookie(response: Response, request: Request, config: ResolvedConfig): void {
  response.clearCookie(SSO_STATE_COOKIE, base(request, config, SSO_PATH, 'lax'));
}

/**
 * Cross-site request forgery on the routes that act on the cookie (refresh, logout, the SSO code
 * exchange): besides SameSite, the request must carry a header a cross-site page cannot set without
 * a CORS preflight we refuse, and an Origin, when sent, must be ours or a configured one.
 */
export function assertNotCrossSite(request: Request, config: ResolvedConfig): void {
  const refused = (reason: string) => identityError('auth.cross_site_refused', `cross-site request refused: ${reason}`);
  if (!request.headers[CSRF_HEADER]) throw refused(`the ${CSRF_HEADER} header is missing`);
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const own = `${request.protocol}://${request.get('host') ?? ''}`;
  const allowed = [own, ...(config.publicUrl ? [config.publicUrl.origin] : []), ...config.corsOrigins];
  if (!allowed.includes(origin)) throw refused(`origin ${origin} is not this application`);
}
