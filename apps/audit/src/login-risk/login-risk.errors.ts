import { defineErrorCodes, DomainError } from '@exam/platform';

import { RULE_CODES } from './risk-policy';

export const RiskErrorCode = defineErrorCodes('RISK', {
  UNKNOWN_RULE: {
    kind: 'not_found',
    meaning: 'No risk rule has this code.',
    action: 'Use one of the rule codes GET /risk/rules lists.',
  },
  THRESHOLDS_INCONSISTENT: {
    kind: 'invalid',
    meaning: 'The step-up score would be above the block score.',
    action: 'Keep stepUpScore at or below blockScore.',
  },
});

export class UnknownRiskRuleError extends DomainError {
  constructor(code: string) {
    super(RiskErrorCode.UNKNOWN_RULE, `No rule "${code}". Rules: ${RULE_CODES.join(', ')}.`);
  }
}

export class RiskThresholdsInconsistentError extends DomainError {
  constructor(blockScore: number) {
    super(RiskErrorCode.THRESHOLDS_INCONSISTENT, 'stepUpScore must not be above blockScore.', [
      { field: 'stepUpScore', reason: `must be ≤ blockScore (${blockScore})` },
    ]);
  }
}
