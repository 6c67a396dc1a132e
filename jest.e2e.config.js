const shared = require('./jest.shared');

module.exports = {
  ...shared,
  displayName: 'e2e',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/e2e-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/e2e-global-teardown.ts',
  testSequencer: '<rootDir>/libs/testing/src/slow-first-sequencer.js',
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/leak-guard.setup.ts'],
  testTimeout: 120000,
  // kafkajs keeps reconnect timers alive after a broker restart test; never let them hold CI hostage.
  forceExit: true,
};
