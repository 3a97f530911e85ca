export interface SsoIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly name: string | null;
  /** Authentication methods the SSO reports (RFC 8176), empty when it says nothing. */
  readonly amr: readonly string[];
  /** Authentication context class (level of assurance) the SSO reports. */
  readonly acr: string | null;
}

/** A started SSO login: where to send the browser, and the state the browser must bring back. */
export interface SsoStart {
  readonly url: URL;
  readonly state: string;
}

/** The OpenID Connect login against the configured SSO (authorisation code with PKCE). */
export abstract class OidcClient {
  abstract get enabled(): boolean;

  abstract authorizationUrl(): Promise<SsoStart>;

  /**
   * Completes a login from the callback URL the browser was sent to; each state works once, and
   * only in the browser that started it (`browserState`, from its cookie).
   */
  abstract complete(callbackUrl: URL, browserState: string | undefined): Promise<SsoIdentity>;
}
