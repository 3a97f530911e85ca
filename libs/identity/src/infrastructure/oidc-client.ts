import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { identityError } from '../domain/identity-errors.js';
import { OidcClient, type SsoIdentity, type SsoStart } from '../application/ports/oidc-client.js';

interface PendingLogin {
  readonly codeVerifier: string;
  readonly nonce: string;
}

const STATE_TTL_SECONDS = 600;

/**
 * OpenID Connect authorisation-code flow with PKCE against the configured SSO (ProConnect or a
 * département's own). The per-login secrets wait in Redis, keyed by `state`, for ten minutes. The
 * caller binds `state` to the browser that started (a cookie) and hands it back on the callback: a
 * callback from another browser is refused, so nobody can log a victim into the attacker's account.
 */
@Injectable()
export class OpenidOidcClient extends OidcClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly redis: Redis,
  ) {
    super();
  }

  get enabled(): boolean {
    return this.config.oidc.issuer !== undefined;
  }

  private discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, allowInsecure } = this.config.oidc;
    if (!issuer || !clientId) {
      throw identityError('auth.sso_disabled', 'single sign-on is not configured');
    }
    this.configuration ??= oidc
      .discovery(
        issuer,
        clientId,
        clientSecret,
        undefined,
        allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        // Let the next login try discovery again instead of caching the failure.
        this.configuration = undefined;
        throw identityError('auth.sso_unavailable', `the SSO provider did not answer: ${String(error)}`);
      });
    return this.configuration;
  }

  async authorizationUrl(): Promise<SsoStart> {
    const configuration = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const pending: PendingLogin = { codeVerifier, nonce };
    await this.redis.set(`oidc-state:${state}`, JSON.stringify(pending), 'EX', STATE_TTL_SECONDS);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.oidc.redirectUri!.toString(),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Some providers (ProConnect) put amr in the ID token only when it is asked for.
      ...(configuration.serverMetadata().claims_parameter_supported === true
        ? { claims: JSON.stringify({ id_token: { amr: { essential: true }, acr: null } }) }
        : {}),
    });
    return { url, state };
  }

  /**
   * Completes a login from the callback URL the browser was sent to; each state works once, and
   * only in the browser that started it (`browserState`, from its cookie).
   */
  async complete(callbackUrl: URL, browserState: string | undefined): Promise<SsoIdentity> {
    const configuration = await this.discover();
    const state = callbackUrl.searchParams.get('state');
    if (!state || !browserState || !sameSecret(state, browserState)) {
      throw identityError('auth.sso_state_invalid', 'this SSO login was not started in this browser: start again');
    }
    const raw = await this.redis.getdel(`oidc-state:${state}`);
    if (!raw) {
      throw identityError('auth.sso_state_invalid', 'this SSO login expired or was already used: start again');
    }
    const pending = JSON.parse(raw) as PendingLogin;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw identityError(
        'auth.sso_refused',
        `the SSO login failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const claims = tokens.claims();
    if (!claims) throw identityError('auth.sso_refused', 'the SSO returned no identity');
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name : null,
      amr: Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [],
      acr: typeof claims.acr === 'string' ? claims.acr : null,
    };
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
