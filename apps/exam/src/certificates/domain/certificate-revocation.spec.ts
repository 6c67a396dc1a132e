import { revocationReason } from './certificate-revocation';

describe('certificate revocation', () => {
  it('should revoke on termination and on a regrade below the pass score only', () => {
    expect(revocationReason('terminated', null, 60)).toBe('attempt_terminated');
    expect(revocationReason('graded', 59, 60)).toBe('regraded_below_pass');
    expect(revocationReason('graded', 60, 60)).toBeNull();
    // Being remarked: the certificate holds until a new final score says otherwise.
    expect(revocationReason('submitted', null, 60)).toBeNull();
  });
});
