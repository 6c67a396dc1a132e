/**
 * Import boundaries (apps never import other apps; libs never import apps; libs are reached by alias) and the
 * layers of docs/CONVENTIONS.md: controller/consumer → service → repository/adapters, and domain code that
 * imports no framework. Run by `npm run boundaries`; ADR 0005 records why.
 */

/** Framework and driver packages that domain code must not import. */
const FRAMEWORK = '(^|/)node_modules/(@nestjs/[^/]+|typeorm|kafkajs|mysql2)/';

/**
 * Domain code: pure rules and computations, tested without Nest, a database or a broker. New domain code is
 * named `*.policy.ts`, `*.rules.ts`, `*.domain.ts` or lives under a `domain/` folder; `*-policy.ts`
 * (retention-policy.ts, risk-policy.ts, password-policy.ts) and the existing pure modules below count too.
 */
const DOMAIN = [
  '[.-]policy\\.ts$',
  '\\.(rules|domain)\\.ts$',
  '/domain/',
  '^apps/identity/src/id-number/',
  '^apps/identity/src/face/face-liveness\\.ts$',
  '^apps/identity/src/face/engine/face-geometry\\.ts$',
  '^apps/identity/src/real-name/guardian-match\\.ts$',
  '^apps/identity/src/real-name/face/local-liveness-decision\\.ts$',
  '^apps/audit/src/login-risk/risk-engine\\.ts$',
  '^apps/audit/src/audit-log/(audit-chain|canonical-json)\\.ts$',
];

const TESTS = '\\.(spec|e2e-spec)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'app-imports-other-app',
      severity: 'error',
      comment: 'An app may not import another app; share through libs/ or events.',
      from: { path: '^apps/([^/]+)/', pathNot: ['\\.e2e-spec\\.ts$', '^apps/[^/]+/test/'] },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'e2e-imports-other-app',
      severity: 'error',
      comment:
        "An app's e2e tests and their test support may start the local real-name authority simulator or the payment provider " +
        'simulator in-process (test doubles by design), and nothing else from another app.',
      from: { path: ['^apps/([^/]+)/.+\\.e2e-spec\\.ts$', '^apps/([^/]+)/test/'] },
      to: { path: '^apps/', pathNot: '^apps/($1|authority-sim|pay-sim)/' },
    },
    {
      name: 'lib-imports-app',
      severity: 'error',
      comment: 'Libraries never depend on applications.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular-libs',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
    {
      name: 'edge-imports-persistence',
      severity: 'error',
      comment:
        'Controllers and consumers are edges: parse, authorize, call one service method, map. Persistence ' +
        '(repositories, entities, TypeORM) is reached through a service.',
      from: { path: '\\.(controller|consumer)\\.ts$' },
      to: { path: ['\\.(repository|entity)\\.ts$', '(^|/)node_modules/(typeorm|@nestjs/typeorm)/'] },
    },
    {
      name: 'service-imports-edge',
      severity: 'error',
      comment: 'Services are called by controllers and consumers, never the other way round.',
      from: { path: '\\.service\\.ts$' },
      to: { path: '\\.(controller|consumer)\\.ts$' },
    },
    {
      name: 'repository-imports-upper-layer',
      severity: 'error',
      comment: 'A repository persists one aggregate; it knows no services, controllers or consumers.',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|controller|consumer)\\.ts$' },
    },
    {
      name: 'domain-imports-framework',
      severity: 'error',
      comment:
        'Domain code is pure: no Nest, TypeORM, kafkajs or mysql2, so it is unit tested alone. Time comes in ' +
        'as a parameter, persistence and messaging stay in services and repositories.',
      from: { path: DOMAIN, pathNot: TESTS },
      to: { path: FRAMEWORK },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|^\\.local/)' },
  },
};
