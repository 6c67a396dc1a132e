const e2e = require('./jest.e2e.config');

/**
 * Broker authentication and ACL tests: they need a SASL/SCRAM broker, which the default local broker is not.
 * Run them with `npm run test:kafka-auth` (scripts/kafka-auth-test.sh starts one on its own ports).
 */
module.exports = {
  ...e2e,
  displayName: 'kafka-auth',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.kafka-auth-spec.ts'],
};
