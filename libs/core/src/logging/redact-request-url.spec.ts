import { describe, expect, it } from '@jest/globals';
import { redactRequestUrl } from './redact-request-url.js';

const TOKEN = 'q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C';

describe('redactRequestUrl', () => {
  it('hides the card link token in the page, its photo and its answer', () => {
    expect(redactRequestUrl(`/cartes/${TOKEN}`)).toBe('/cartes/[redacted]');
    expect(redactRequestUrl(`/cartes/${TOKEN}/photo`)).toBe('/cartes/[redacted]/photo');
    expect(redactRequestUrl('/cartes/short-but-still-secret')).toBe('/cartes/[redacted]');
    expect(redactRequestUrl(`/espace/${TOKEN}/code/verification`)).toBe('/espace/[redacted]/code/verification');
    expect(redactRequestUrl('/espace/short-but-still-secret')).toBe('/espace/[redacted]');
  });

  it('hides the OIDC code and state and the one-time SSO code, keeping other parameters', () => {
    expect(redactRequestUrl('/auth/oidc/callback?code=abc123&state=xyz&iss=https%3A%2F%2Fidp')).toBe(
      '/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(redactRequestUrl('/app/connexion?sso=abc&sso_error=auth.sso_failed')).toBe(
      '/app/connexion?sso=[redacted]&sso_error=auth.sso_failed',
    );
    expect(redactRequestUrl('/offers?q=boulanger&limit=20')).toBe('/offers?q=boulanger&limit=20');
  });

  it('hides any long opaque segment or value, whatever the route, but keeps uuids', () => {
    const id = '5b0e3c5e-8a8e-4a8e-9a8e-0c8e3c5e8a8e';
    expect(redactRequestUrl(`/future/${TOKEN}/x?u=${TOKEN}`)).toBe('/future/[redacted]/x?u=[redacted]');
    expect(redactRequestUrl(`/introductions/${id}`)).toBe(`/introductions/${id}`);
  });

  it('hides an encoded parameter name and drops the fragment', () => {
    expect(redactRequestUrl('/x?%63ode=abc#frag')).toBe('/x?%63ode=[redacted]');
  });
});
