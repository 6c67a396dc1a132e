import { filtersFromSearch, isRefundKind, searchFromFilters } from './mismatch-filters';
import { mismatchQuery } from './statements-api';

describe('statement mismatch filters', () => {
  it('should read open mismatches by default and keep only known values', () => {
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual({
      date: undefined,
      provider: undefined,
      kind: undefined,
      status: 'open',
    });
    expect(
      filtersFromSearch(
        new URLSearchParams('date=2026-12-06&provider=alipay&kind=amount_differs&status=resolved'),
      ),
    ).toEqual({ date: '2026-12-06', provider: 'alipay', kind: 'amount_differs', status: 'resolved' });
    expect(
      filtersFromSearch(new URLSearchParams('date=06/12/2026&provider=paypal&kind=x&status=all')),
    ).toEqual({
      date: undefined,
      provider: undefined,
      kind: undefined,
      status: undefined,
    });
  });

  it('should write an address that reads back to the same filters', () => {
    const filters = {
      date: '2026-12-01',
      provider: 'wechat',
      kind: 'refund_status_differs',
      status: undefined,
    } as const;
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
    expect(searchFromFilters({ status: 'open' }).toString()).toBe('status=open');
  });

  it('should send only the set filters to the API', () => {
    expect(mismatchQuery({})).toBe('');
    expect(mismatchQuery({ status: 'open', provider: 'alipay' })).toBe('?provider=alipay&status=open');
  });

  it('should tell refund mismatches from payment ones', () => {
    expect(isRefundKind('refund_amount_differs')).toBe(true);
    expect(isRefundKind('amount_differs')).toBe(false);
  });
});
