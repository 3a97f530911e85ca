import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config.js';
import { ConfigError } from './env-parsers.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/passerelle');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({}, '/srv/passerelle');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, bodyLimit: '1mb' });
    expect(config.dataDir).toBe('/srv/passerelle/.data');
    expect(config.embedded).toBe('auto');
    expect(config.database.url).toBeUndefined();
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.redis.queuePrefix).toBe('passerelle');
    expect(config.meilisearch.indexPrefix).toBe('passerelle_');
  });

  it('reads occupations from the referential alone by default; OCCUPATION_LEARNING=true adds the coded offers', () => {
    expect(loadConfig({}, '/srv/passerelle').occupationLearning).toBe(false);
    expect(loadConfig({ OCCUPATION_LEARNING: 'true' }, '/srv/passerelle').occupationLearning).toBe(true);
    expect(() => loadConfig({ OCCUPATION_LEARNING: 'souvent' }, '/srv/passerelle')).toThrow(/OCCUPATION_LEARNING/);
  });

  it('applies retention by default; only RETENTION_APPLY=false holds it to a report', () => {
    expect(loadConfig({}, '/srv/passerelle').coaching.retentionApply).toBe(true);
    expect(loadConfig({ RETENTION_APPLY: 'false' }, '/srv/passerelle').coaching.retentionApply).toBe(false);
  });

  it('reads every service URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app:secret@db:5432/passerelle',
      REDIS_URL: 'redis://cache:6379/2',
      MEILI_URL: 'http://search:7700',
      MEILI_MASTER_KEY: 'a-long-enough-key',
      PORT: '8080',
    });
    expect(config.database.url?.hostname).toBe('db');
    expect(config.redis.url?.pathname).toBe('/2');
    expect(config.meilisearch.url?.port).toBe('7700');
    expect(config.meilisearch.masterKey).toBe('a-long-enough-key');
    expect(config.http.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 0 and 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer between 0 and 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a URL starting with postgres:// or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL must be a URL starting with redis:// or rediss://'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent'],
    [{ DB_MIGRATE_ON_START: 'maybe' }, 'DB_MIGRATE_ON_START must be true or false'],
    [{ HTTP_BODY_LIMIT: 'huge' }, 'HTTP_BODY_LIMIT must be a size such as 100kb or 1mb'],
    [{ EMBEDDED_SERVICES: 'off' }, 'DATABASE_URL is required: expected a postgres:// URL when EMBEDDED_SERVICES=off'],
    [
      { AUTH_TOTP_ENCRYPTION_KEY: 'too-short' },
      'AUTH_TOTP_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or as base64',
    ],
    [
      { AUTH_LOGIN_LOCK_SECONDS: '900' },
      'AUTH_LOGIN_LOCK_SECONDS must be unset: it was replaced by AUTH_LOGIN_MAX_DELAY_SECONDS',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const error = errorOf(env);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('requires the TOTP encryption key without embedded services, and takes it as hex or base64', () => {
    const services = {
      EMBEDDED_SERVICES: 'off',
      DATABASE_URL: 'postgres://app@db/passerelle',
      REDIS_URL: 'redis://cache:6379',
      MEILI_URL: 'http://search:7700',
      AUTH_JWT_SECRET: 'x'.repeat(32),
    };
    expect(errorOf(services).message).toMatch(/^AUTH_TOTP_ENCRYPTION_KEY is required/);
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ ...services, AUTH_TOTP_ENCRYPTION_KEY: hex }).auth.totpEncryptionKey).toBe(hex);
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...services, AUTH_TOTP_ENCRYPTION_KEY: base64 }).auth.totpEncryptionKey).toBe(base64);
  });
});
