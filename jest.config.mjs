import { swcOptions } from './scripts/swc-options.mjs';

const swc = swcOptions();
const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  // Sources import siblings as `./x.js` (ES module rule); jest resolves the `.ts` file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['reflect-metadata'],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
  reporters: ['default', '<rootDir>/test/support/results-reporter.mjs'],
  maxWorkers: 2,
  // Test files run as ES modules in vm contexts, and each file leaves its module graph (Nest,
  // TypeORM, pg) behind in the worker. Over 170 files a worker reached its 4 GB heap in CI, spent
  // its time collecting garbage (pool timeouts in the file it was running) and then crashed. A
  // worker past this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
  // e2e tests boot processes and wait on real services; their own waits carry tighter bounds.
  testTimeout: 90_000,
};
