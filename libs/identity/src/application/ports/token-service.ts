export interface AccessClaims {
  readonly userId: string;
  /** The refresh-token family of the session, so a logout can be traced to its tokens. */
  readonly sessionId: string;
  /** Only TOTP enrolment is allowed: the roles require a second factor the user has not set up. */
  readonly enrolmentOnly: boolean;
}

/** Short-lived signed access tokens. Who the user is and what they may do is re-read on each request. */
export abstract class TokenService {
  abstract get accessTokenTtlSeconds(): number;

  abstract sign(claims: AccessClaims, now?: Date): Promise<string>;

  /** The claims of a valid token; throws auth.token_expired or auth.token_invalid. */
  abstract verify(token: string): Promise<AccessClaims>;
}
