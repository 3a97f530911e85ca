/**
 * The second public door of a lib: what its specs and other libs' specs use to test use cases alone
 * (in-memory stores, builders). Production code never imports a `testing/` folder (dependency-cruiser).
 */
export { inMemoryDataSource } from './in-memory-data-source.js';
