/** Import boundaries: apps never import other apps; libs never import apps; libs are reached by alias. */
module.exports = {
  forbidden: [
    {
      name: 'app-imports-other-app',
      severity: 'error',
      comment: 'An app may not import another app; share through libs/ or events.',
      from: { path: '^apps/([^/]+)/', pathNot: '\\.e2e-spec\\.ts$' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'e2e-imports-other-app',
      severity: 'error',
      comment:
        "An app's e2e tests may start the local real-name authority simulator in-process (a test double by " +
        'design), and nothing else from another app.',
      from: { path: '^apps/([^/]+)/.+\\.e2e-spec\\.ts$' },
      to: { path: '^apps/', pathNot: '^apps/($1|authority-sim)/' },
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|^\\.local/)' },
  },
};
