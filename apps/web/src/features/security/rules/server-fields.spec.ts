import { ApiError } from '../../../api/api-error';
import { serverFieldsOf } from './server-fields';

const KNOWN = { stepUpScore: 'stepUpScore', 'params.failures': ['params', 'failures'] } as const;

describe('serverFieldsOf', () => {
  it('should place each refused field the form has on its form path', () => {
    const error = new ApiError(400, 'RISK.THRESHOLDS_INCONSISTENT', 'no', [
      { field: 'stepUpScore', reason: 'must be ≤ blockScore (80)' },
      { field: 'params.failures', reason: 'failures must not be less than 1' },
      { field: 'toString', reason: 'not a field of the form' },
      { field: 'other', reason: 'neither' },
    ]);
    expect(serverFieldsOf(error, KNOWN)).toEqual([
      { name: 'stepUpScore', reason: 'must be ≤ blockScore (80)' },
      { name: ['params', 'failures'], reason: 'failures must not be less than 1' },
    ]);
  });

  it('should name no field for other failures', () => {
    expect(serverFieldsOf(new Error('offline'), KNOWN)).toEqual([]);
    expect(serverFieldsOf(new ApiError(403, 'AUTH.ROLE_REQUIRED', 'no'), KNOWN)).toEqual([]);
  });
});
