import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestContext, startApi, type RunningApi, type TestContext } from '@passerelle/testing';

describe('health, readiness and API docs', () => {
  let context: TestContext;
  let api: RunningApi;

  beforeAll(async () => {
    context = await createTestContext();
    api = await startApi(context.config);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('answers liveness without touching dependencies', async () => {
    const response = await request(api.url).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL, Redis and Meilisearch answer', async () => {
    const response = await request(api.url).get('/ready').expect(200);
    expect(response.body).toEqual({
      status: 'ready',
      message: 'all dependencies are up',
      down: [],
      checks: { postgres: { status: 'up' }, redis: { status: 'up' }, meilisearch: { status: 'up' } },
    });
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await request(api.url).get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(api.url).get('/health').set('X-Request-Id', 'no spaces allowed!').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document and its UI at /docs', async () => {
    const document = await request(api.url).get('/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/health', '/ready']));
    const ui = await request(api.url).get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});
