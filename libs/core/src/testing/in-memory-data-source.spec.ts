import { inMemoryDataSource } from './index.js';

describe('inMemoryDataSource', () => {
  it('runs the work of a transaction at once, with or without an isolation level, and counts them', async () => {
    const source = inMemoryDataSource();
    await expect(source.transaction(() => Promise.resolve('done'))).resolves.toBe('done');
    await expect(source.transaction('SERIALIZABLE', () => Promise.resolve(42))).resolves.toBe(42);
    expect(source.transactions).toBe(2);
  });

  it('fails loudly when a store sends SQL through its manager', async () => {
    const source = inMemoryDataSource();
    await expect(
      source.transaction(async (manager) => {
        await manager.query('SELECT 1');
      }),
    ).rejects.toThrow(/a store reached the database \(manager\.query\)/);
  });
});
