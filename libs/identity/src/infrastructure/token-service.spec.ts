import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ResolvedConfig } from '@passerelle/core';
import { JoseTokenService } from './token-service.js';

const config = {
  auth: { jwtSecret: 'a-test-secret-of-at-least-thirty-two-characters', accessTokenTtlSeconds: 900 },
} as unknown as ResolvedConfig;
const claims = {
  userId: '5b0f1c7e-0d6c-4a57-9d8e-3f1b2a4c5d6e',
  sessionId: '4c8d3a0e-3d4b-4a53-9a51-7f4a2c1b0e11',
  enrolmentOnly: false,
};

describe('JoseTokenService', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('keeps a verified token only until it expires: the same token is refused once its time is up', async () => {
    const tokens = new JoseTokenService(config);
    const token = await tokens.sign(claims);
    await expect(tokens.verify(token)).resolves.toMatchObject(claims);
    await expect(tokens.verify(token)).resolves.toMatchObject(claims); // kept
    jest.useFakeTimers({ now: Date.now() + 901_000 });
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'auth.token_expired' });
  });

  it('never keeps a token whose signature is wrong', async () => {
    const tokens = new JoseTokenService(config);
    const token = await tokens.sign(claims);
    const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'auth.token_invalid' });
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'auth.token_invalid' });
  });
});
