import type { TFunction } from 'i18next';

import { type Bounds, numberProblem } from '../model/risk-rules';

/** An antd form rule that refuses what the API would refuse, saying the allowed range. */
export function numberRule(t: TFunction, bounds: Bounds) {
  return {
    validator: (_: unknown, value: unknown) => {
      const problem = numberProblem(value, bounds);
      return problem
        ? Promise.reject(new Error(t(`riskRules.problems.${problem}`, { ...bounds })))
        : Promise.resolve();
    },
  };
}
