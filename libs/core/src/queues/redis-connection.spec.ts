import { describe, expect, it } from '@jest/globals';
import { redisOptions } from './redis-connection.js';

describe('redisOptions', () => {
  it('reads host, port, database and credentials from the URL', () => {
    const options = redisOptions(new URL('rediss://user:p%40ss@cache.local:6380/3'), 'queue');
    expect(options).toMatchObject({
      host: 'cache.local',
      port: 6380,
      db: 3,
      username: 'user',
      password: 'p@ss',
      tls: {},
    });
  });

  it('lets queue connections wait for Redis but makes the probe fail fast', () => {
    expect(redisOptions(new URL('redis://localhost'), 'worker').maxRetriesPerRequest).toBeNull();
    const probe = redisOptions(new URL('redis://localhost'), 'probe');
    expect(probe).toMatchObject({ port: 6379, db: 0, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  });
});
