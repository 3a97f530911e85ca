/**
 * The architecture, made executable (run by `npm test`): see ../shared/ARCHITECTURE.md "Layout".
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide a missing module boundary; no forwardRef either.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      comment: 'Apps compose libs, never the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-and-tests-use-the-lib-public-door',
      severity: 'error',
      comment: 'Code outside a lib reaches it only through its src/index.ts.',
      from: { path: '^(?:apps|test)/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-use-each-other-public-door',
      severity: 'error',
      comment: 'A lib reaches another lib only through its src/index.ts.',
      from: { path: '^libs/([^/]+)/', pathNot: ['\\.spec\\.ts$', '^libs/[^/]+/src/testing/'] },
      to: { path: '^libs/[^/]+/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'specs-use-the-lib-public-or-testing-door',
      severity: 'error',
      comment:
        'A spec (or a lib’s testing/ folder) reaches another lib through its src/index.ts, or through src/testing/index.ts for in-memory stores, stand-ins and builders.',
      from: { path: '^libs/([^/]+)/(?:.+\\.spec\\.ts$|src/testing/)' },
      to: {
        path: '^libs/[^/]+/src/.+',
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'production-never-imports-testing',
      severity: 'error',
      comment: 'In-memory stores and builders (libs/*/src/testing/) serve specs only.',
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '^libs/[^/]+/src/testing/'] },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds plain TypeScript: no framework, ORM, queue, search engine or HTML parser.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: 'node_modules/(@nestjs|typeorm|bullmq|ioredis|meilisearch|cheerio|pg)/' },
    },
    {
      name: 'domain-imports-no-outer-layer',
      severity: 'error',
      comment:
        'Inside a lib, domain/ (rules) is imported by application/ (use cases) and infrastructure/ (stores, adapters), never the other way round.',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: { path: '^libs/$1/src/(?:application|infrastructure)/' },
    },
    {
      name: 'application-imports-no-infrastructure',
      severity: 'error',
      comment:
        'Inside a lib, use cases (application/) reach stores and adapters through ports (abstract classes in application/ports/); infrastructure/ implements them and the lib module wires them (ADR 0009).',
      from: { path: '^libs/([^/]+)/src/application/' },
      to: { path: '^libs/$1/src/infrastructure/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A source file nothing imports is dead code (entry points, specs, declarations and configs aside).',
      from: {
        orphan: true,
        pathNot: [
          '\\.spec\\.ts$',
          '\\.e2e-spec\\.ts$',
          '\\.d\\.ts$',
          '(?:^|/)main\\.tsx?$',
          '^apps/web/',
          '^test/',
          '^scripts/',
          '\\.(?:c|m)?js$',
        ],
      },
      to: {},
    },
    {
      name: 'apps-only-cli-composes-apps',
      severity: 'error',
      comment: 'Only the CLI (the all-in-one composition root) may reach into another app.',
      from: { path: '^apps/(api|worker)/' },
      to: { path: '^apps/(?!$1)' },
    },
    {
      name: 'web-routes-stay-apart',
      severity: 'error',
      comment:
        'A screen of the web app (routes/<route>/) imports no other route: what two share goes to features/ or ui/.',
      from: { path: '^apps/web/src/routes/([^/]+)/' },
      to: { path: '^apps/web/src/routes/', pathNot: '^apps/web/src/routes/$1/' },
    },
    {
      name: 'web-types-from-the-api-document',
      severity: 'error',
      comment:
        'The web app takes the shapes of the API’s answers from the generated api/schema.ts only, never from the libraries: what it reads is what the OpenAPI document declares. The generated api/error-codes.ts alone imports the error catalogues’ types (type-only, erased from the bundle) to check itself against them.',
      from: { path: '^apps/web/', pathNot: '^apps/web/src/api/error-codes\\.ts$' },
      to: { path: '^libs/' },
    },
    {
      name: 'web-shared-code-imports-no-route',
      severity: 'error',
      comment: 'ui/, api/, auth/ and features/ of the web app serve every screen, so none of them imports a route.',
      from: { path: '^apps/web/src/(ui|api|auth|features)/' },
      to: { path: '^apps/web/src/routes/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
