import { describe, expect, it } from '@jest/globals';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  TOTP_PERIOD_SECONDS,
  totpAt,
  totpUri,
  verifyTotp,
  type TotpAlgorithm,
} from './totp.js';

const RFC_SEED = '12345678901234567890';
// RFC 6238 Appendix B: the SHA-256 and SHA-512 seeds are the ASCII digits repeated to the hash size.
const RFC_SEEDS: Record<TotpAlgorithm, string> = {
  sha1: RFC_SEED,
  sha256: '1234567890'.repeat(4).slice(0, 32),
  sha512: '1234567890'.repeat(7).slice(0, 64),
};

const secondsAt = (seconds: number): Date => new Date(seconds * 1000);

describe('hotp', () => {
  it('matches the RFC 4226 Appendix D test vectors', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    const secret = Buffer.from(RFC_SEED, 'ascii');
    expect(expected.map((_, counter) => hotp(secret, counter))).toEqual(expected);
    expect(hotp(secret, 9n)).toBe('520489');
  });

  it('refuses counters outside 64 unsigned bits, empty secrets and too few digits', () => {
    const secret = Buffer.from(RFC_SEED, 'ascii');
    expect(() => hotp(secret, -1)).toThrow(RangeError);
    expect(() => hotp(secret, 1.5)).toThrow(RangeError);
    expect(() => hotp(secret, 2n ** 64n)).toThrow(RangeError);
    expect(hotp(secret, 2n ** 64n - 1n)).toMatch(/^\d{6}$/);
    expect(() => hotp(Buffer.alloc(0), 0)).toThrow(RangeError);
    expect(() => hotp(secret, 0, 4)).toThrow(RangeError);
  });
});

describe('totpAt', () => {
  // RFC 6238 Appendix B, 8 digits.
  const vectors: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  it.each(vectors)('matches the RFC 6238 vectors at T=%i', (seconds, sha1, sha256, sha512) => {
    const codeFor = (algorithm: TotpAlgorithm): string =>
      totpAt(base32Encode(Buffer.from(RFC_SEEDS[algorithm], 'ascii')), secondsAt(seconds), { digits: 8, algorithm });
    expect(codeFor('sha1')).toBe(sha1);
    expect(codeFor('sha256')).toBe(sha256);
    expect(codeFor('sha512')).toBe(sha512);
  });

  it('defaults to 6 digits of SHA-1, the last 6 of the 8-digit value', () => {
    expect(totpAt(base32Encode(Buffer.from(RFC_SEED, 'ascii')), secondsAt(59))).toBe('287082');
  });

  it('refuses invalid dates and empty secrets', () => {
    const secret = generateTotpSecret();
    expect(() => totpAt(secret, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => totpAt(secret, new Date(-1))).toThrow(RangeError);
    expect(() => totpAt('', new Date())).toThrow(RangeError);
  });
});

describe('base32', () => {
  it('matches the RFC 4648 section 10 vectors, without padding', () => {
    const vectors = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain, 'ascii'))).toBe(encoded);
      expect(base32Decode(encoded).toString('ascii')).toBe(plain);
    }
  });

  it('round-trips arbitrary bytes of every length', () => {
    for (let length = 0; length <= 41; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 97 + length * 31) & 0xff));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  it('tolerates lower case, whitespace and padding', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString('ascii')).toBe('foobar');
    expect(base32Decode('MZXW6YQ=\n').toString('ascii')).toBe('foob');
  });

  it('throws on invalid characters and truncated lengths', () => {
    expect(() => base32Decode('MZXW1YTB')).toThrow('Invalid base32 character at position 4');
    expect(() => base32Decode('MZ=XW6YT')).toThrow(/Invalid base32 character/);
    // 'ı'.toUpperCase() is 'I': it must not slip through as a valid letter.
    expect(() => base32Decode('MZXWıYTB')).toThrow(/Invalid base32 character/);
    expect(() => base32Decode('MZXW6YTBO')).toThrow(/Invalid base32 length/);
  });
});

describe('generateTotpSecret', () => {
  it('returns 20 random bytes as 32 unpadded upper-case base32 characters', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  const secret = base32Encode(Buffer.from(RFC_SEED, 'ascii'));
  const now = secondsAt(1234567890);
  const step = Math.floor(1234567890 / TOTP_PERIOD_SECONDS);
  const codeAtStep = (offset: number): string => totpAt(secret, secondsAt((step + offset) * TOTP_PERIOD_SECONDS));

  it('accepts the current step and returns it', () => {
    expect(verifyTotp(secret, codeAtStep(0), now)).toBe(step);
  });

  it('accepts the previous and next steps for clock drift', () => {
    expect(verifyTotp(secret, codeAtStep(-1), now)).toBe(step - 1);
    expect(verifyTotp(secret, codeAtStep(1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, unless the window is widened', () => {
    expect(verifyTotp(secret, codeAtStep(-2), now)).toBeNull();
    expect(verifyTotp(secret, codeAtStep(2), now)).toBeNull();
    expect(verifyTotp(secret, codeAtStep(2), now, { window: 2 })).toBe(step + 2);
    expect(verifyTotp(secret, codeAtStep(1), now, { window: 0 })).toBeNull();
  });

  it('refuses a wrong code', () => {
    const code = codeAtStep(0);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, now)).toBeNull();
  });

  it('refuses anything that is not exactly 6 digits', () => {
    const code = codeAtStep(0);
    const eightDigits = totpAt(secret, now, { digits: 8 });
    for (const input of [
      '',
      code.slice(1),
      `${code}0`,
      eightDigits,
      ` ${code}`,
      `${code}\n`,
      `${code.slice(0, 3)} ${code.slice(3)}`,
      '12a456',
      '１２３４５６',
    ]) {
      expect(verifyTotp(secret, input, now)).toBeNull();
    }
    expect(verifyTotp(secret, Number(code) as unknown as string, now)).toBeNull();
  });

  it('refuses a code whose step was already used (replay)', () => {
    expect(verifyTotp(secret, codeAtStep(0), now, { lastUsedStep: step })).toBeNull();
    expect(verifyTotp(secret, codeAtStep(-1), now, { lastUsedStep: step - 1 })).toBeNull();
    expect(verifyTotp(secret, codeAtStep(-1), now, { lastUsedStep: step })).toBeNull();
    expect(verifyTotp(secret, codeAtStep(0), now, { lastUsedStep: step - 1 })).toBe(step);
    expect(verifyTotp(secret, codeAtStep(0), now, { lastUsedStep: null })).toBe(step);
  });

  it('refuses options that would weaken it silently', () => {
    expect(() => verifyTotp(secret, codeAtStep(0), now, { lastUsedStep: Number.NaN })).toThrow(RangeError);
    expect(() => verifyTotp(secret, codeAtStep(0), now, { window: -1 })).toThrow(RangeError);
    expect(() => verifyTotp(secret, codeAtStep(0), now, { window: 1_000 })).toThrow(RangeError);
  });

  it('handles the first steps of the epoch without negative counters', () => {
    expect(verifyTotp(secret, totpAt(secret, secondsAt(0)), secondsAt(10))).toBe(0);
  });
});

describe('totpUri', () => {
  it('builds the otpauth URI authenticator apps expect', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'alice@example.com', 'Passerelle')).toBe(
      'otpauth://totp/Passerelle:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Passerelle&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('URI-encodes the label and issuer, and canonicalises the secret', () => {
    const uri = totpUri('mzxw 6ytb oi======', 'Zoé Martin+1', 'Passerelle Dév & Co');
    expect(uri).toBe(
      'otpauth://totp/Passerelle%20D%C3%A9v%20%26%20Co:Zo%C3%A9%20Martin%2B1' +
        '?secret=MZXW6YTBOI&issuer=Passerelle%20D%C3%A9v%20%26%20Co&algorithm=SHA1&digits=6&period=30',
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe('Passerelle Dév & Co');
  });

  it('refuses a colon or an empty value in the account or issuer', () => {
    expect(() => totpUri('JBSWY3DPEHPK3PXP', 'a:b', 'Passerelle')).toThrow(RangeError);
    expect(() => totpUri('JBSWY3DPEHPK3PXP', 'alice', 'Pass:erelle')).toThrow(RangeError);
    expect(() => totpUri('JBSWY3DPEHPK3PXP', ' ', 'Passerelle')).toThrow(RangeError);
  });
});
