const Sequencer = require('@jest/test-sequencer').default;

/**
 * The e2e files known to take longest start first, so that with two workers the run does not end waiting on
 * one long file begun last (a fresh clone has no timing cache, and jest would otherwise order by file size).
 * The rest keep jest's own order (failed first, then slowest by the cache, then largest).
 */
const SLOW_FIRST = [
  'test/platform/services-boot.e2e-spec.ts',
  'apps/audit/test/audit-chain.e2e-spec.ts',
  'apps/accounts/test/sign-in-decisions.e2e-spec.ts',
];

const rank = (path) => {
  const index = SLOW_FIRST.findIndex((suffix) => path.endsWith(suffix));
  return index === -1 ? SLOW_FIRST.length : index;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SlowFirstSequencer;
