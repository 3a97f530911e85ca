import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Issue 19: a use case throws a code of its context's catalogue (identityError('user.not_found', …)),
// so every code the API answers has its status and French; DomainError is built by core's errorFactory.
const NO_BARE_DOMAIN_ERROR = {
  selector: "NewExpression[callee.name='DomainError']",
  message:
    'Throw a code of your context’s error catalogue (libs/<context>/src/domain/<context>-errors.ts) through its factory.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.mjs', '**/*.cjs', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules are classes with decorators and no members.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      // supertest and jest matchers are typed loosely; the assertions are what matters here.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/web/**', 'libs/core/src/errors/**'],
    rules: { 'no-restricted-syntax': ['error', NO_BARE_DOMAIN_ERROR] },
  },
  {
    // ADR 0009: SQL (and TypeORM's query APIs) lives in infrastructure stores; use cases, rules and the
    // apps call them. Migrations and stores are where SQL is written. Exempt: the CLI's backup (it
    // talks to the database server itself) and its demo seeders (fixtures written as years of use
    // would have left them).
    files: ['libs/*/src/application/**/*.ts', 'libs/*/src/domain/**/*.ts', 'apps/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/web/**', 'apps/cli/src/commands/backup.command.ts', 'apps/cli/src/demo/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder|createQueryRunner)$/]',
          message: 'SQL belongs in an infrastructure store (ADR 0009): call the store from here.',
        },
        {
          selector: "CallExpression[callee.name='updateReturning']",
          message: 'SQL belongs in an infrastructure store (ADR 0009): call the store from here.',
        },
        // This block's list replaces the one above for its files: the catalogue rule is repeated.
        NO_BARE_DOMAIN_ERROR,
      ],
    },
  },
);
