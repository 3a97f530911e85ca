/**
 * Slows password guessing with growing delays instead of locking accounts, per account, per
 * address and per pair. Each attempt is charged as failed first; a success takes the charge back.
 */
export abstract class LoginThrottle {
  /** Throws auth.throttled (429, Retry-After) while delayed; otherwise counts the attempt as failed. */
  abstract begin(email: string, ip: string | undefined): Promise<void>;

  /** The password was right but the second-factor code is still to come: this attempt did not fail. */
  abstract passwordAccepted(email: string, ip: string | undefined): Promise<void>;

  abstract succeeded(email: string, ip: string | undefined): Promise<void>;
}
