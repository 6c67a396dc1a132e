import { decide, needsApproval } from './refund-approval.policy';

describe('refund approval policy', () => {
  describe(needsApproval.name, () => {
    it('should need approval only once the order’s refunds pass the threshold', () => {
      expect(needsApproval(50_000, 0, 50_000)).toBe(false);
      expect(needsApproval(50_000, 0, 50_001)).toBe(true);
    });

    it('should count what the order already refunds, so split refunds cannot dodge it', () => {
      expect(needsApproval(50_000, 40_000, 10_000)).toBe(false);
      expect(needsApproval(50_000, 40_000, 10_001)).toBe(true);
    });

    it('should need approval for every refund at 0 and for none without a threshold', () => {
      expect(needsApproval(0, 0, 1)).toBe(true);
      expect(needsApproval(null, 0, 99_999_999)).toBe(false);
    });
  });

  describe(decide.name, () => {
    const pending = { status: 'pending_approval' as const, requestedBy: 'user:a', decidedBy: null };

    it('should let another org_admin decide a refund awaiting approval', () => {
      expect(decide(pending, 'approve', 'user:b')).toEqual({ ok: true, apply: true });
      expect(decide(pending, 'reject', 'user:b')).toEqual({ ok: true, apply: true });
    });

    it('should refuse the requester’s own decision', () => {
      expect(decide(pending, 'approve', 'user:a')).toEqual({ ok: false, reason: 'own_request' });
    });

    it('should answer a repeated decision without applying it again', () => {
      for (const status of ['requested', 'processing', 'succeeded', 'failed'] as const)
        expect(decide({ status, requestedBy: 'user:a', decidedBy: 'user:b' }, 'approve', 'user:c')).toEqual({
          ok: true,
          apply: false,
        });
      expect(
        decide({ status: 'rejected', requestedBy: 'user:a', decidedBy: 'user:b' }, 'reject', 'user:b'),
      ).toEqual({ ok: true, apply: false });
    });

    it('should refuse the opposite decision once one was taken', () => {
      expect(
        decide({ status: 'rejected', requestedBy: 'user:a', decidedBy: 'user:b' }, 'approve', 'user:c'),
      ).toEqual({ ok: false, reason: 'decided_otherwise' });
      expect(
        decide({ status: 'requested', requestedBy: 'user:a', decidedBy: 'user:b' }, 'reject', 'user:c'),
      ).toEqual({ ok: false, reason: 'decided_otherwise' });
    });

    it('should refuse a decision on a refund that never needed approval', () => {
      expect(
        decide({ status: 'requested', requestedBy: 'service:exam', decidedBy: null }, 'approve', 'user:b'),
      ).toEqual({ ok: false, reason: 'not_awaiting_approval' });
    });
  });
});
