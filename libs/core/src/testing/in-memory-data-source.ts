import type { DataSource, EntityManager } from 'typeorm';

/**
 * A DataSource for use-case tests with in-memory stores: `transaction` runs the work at once with a
 * placeholder manager (the in-memory stores ignore it) and counts the transactions, `manager` is the same
 * placeholder. Nothing reaches a database; a store that sends SQL through it fails loudly.
 */
export function inMemoryDataSource(): DataSource & { readonly transactions: number } {
  let transactions = 0;
  const manager = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'then') return undefined;
        throw new Error(`in-memory data source: a store reached the database (manager.${String(property)})`);
      },
    },
  ) as EntityManager;
  const source = {
    manager,
    get transactions() {
      return transactions;
    },
    async transaction<T>(...args: unknown[]): Promise<T> {
      const work = args.at(-1) as (manager: EntityManager) => Promise<T>;
      transactions += 1;
      return work(manager);
    },
  };
  return source as unknown as DataSource & { readonly transactions: number };
}
