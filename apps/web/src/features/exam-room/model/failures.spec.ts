import { ApiError } from '../../../api/api-error';
import { classifyReportFailure, classifySaveFailure, endOf } from './failures';

const refusal = (status: number, code: string) => new ApiError(status, code, code);

describe('failures', () => {
  it('should keep and retry what never got an answer or met a busy server', () => {
    expect(classifySaveFailure(ApiError.network(new Error('x')))).toBe('network');
    expect(classifySaveFailure(refusal(503, 'GATEWAY.UPSTREAM_UNAVAILABLE'))).toBe('retry');
    expect(classifySaveFailure(refusal(409, 'ATTEMPT.PAUSED'))).toBe('retry');
    expect(classifyReportFailure(refusal(429, 'REQUEST.RATE_LIMITED'))).toBe('retry');
  });

  it('should stop on a refusal that ends this device’s attempt, and name the end', () => {
    expect(classifySaveFailure(refusal(409, 'ATTEMPT.TAKEN_OVER'))).toBe('stop');
    expect(endOf(refusal(409, 'ATTEMPT.TAKEN_OVER'))).toBe('taken_over');
    expect(classifyReportFailure(refusal(409, 'ATTEMPT.TERMINATED'))).toBe('stop');
    expect(endOf(refusal(409, 'ATTEMPT.TERMINATED'))).toBe('terminated');
    expect(endOf(refusal(409, 'ATTEMPT.DEADLINE_PASSED'))).toBe('closed');
    expect(endOf(refusal(400, 'ATTEMPT.ANSWER_INVALID'))).toBeNull();
  });

  it('should drop an answer the server can never take', () => {
    expect(classifySaveFailure(refusal(400, 'ATTEMPT.ANSWER_INVALID'))).toBe('reject');
    expect(classifyReportFailure(refusal(400, 'PROCTORING.EVENT_INVALID'))).toBe('drop');
  });
});
