/** What the SSO's ID token says about how the person authenticated. */
export interface SsoAssurance {
  /** Authentication methods (RFC 8176), e.g. `pwd`, `otp`, `mfa`. */
  readonly amr: readonly string[];
  /** Authentication context class (level of assurance), e.g. an eIDAS level or a ProConnect URI. */
  readonly acr: string | null;
}

/** Which `amr` and `acr` values count as a second factor checked by the SSO (configured). */
export interface SsoSecondFactorRule {
  readonly mfaAmr: readonly string[];
  readonly mfaAcr: readonly string[];
}

/**
 * The SSO proved a second factor when its ID token says so in either claim. Absent or unknown
 * values prove nothing: a provider that says nothing is treated as a single factor.
 */
export function ssoProvesSecondFactor(assurance: SsoAssurance, rule: SsoSecondFactorRule): boolean {
  return (
    assurance.amr.some((method) => rule.mfaAmr.includes(method)) ||
    (assurance.acr !== null && rule.mfaAcr.includes(assurance.acr))
  );
}
