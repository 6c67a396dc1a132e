import {
  deadlineStandingOf,
  loginAppealFiltersOf,
  loginAppealFiltersToParams,
  loginAppealQuery,
  privacyRequestFiltersOf,
  privacyRequestFiltersToParams,
  privacyRequestQuery,
} from './queue-filters';

const ACCOUNT = '6f1c1d8e-4a8e-4c4b-9d35-0c9a3c2b7e11';

describe('login appeal filters', () => {
  it('should open on open appeals, page 1', () => {
    expect(loginAppealFiltersOf(new URLSearchParams())).toEqual({
      status: 'open',
      account: undefined,
      page: 1,
    });
  });

  it('should drop what is not an account id, a status or a page', () => {
    expect(loginAppealFiltersOf(new URLSearchParams('status=closed&account=13800138000&page=-3'))).toEqual({
      status: 'open',
      account: undefined,
      page: 1,
    });
  });

  it('should round-trip through the address and ask the API for the page', () => {
    const filters = { status: undefined, account: ACCOUNT, page: 3 };
    expect(loginAppealFiltersOf(loginAppealFiltersToParams(filters))).toEqual(filters);
    expect(Object.fromEntries(loginAppealQuery(filters))).toEqual({
      limit: '50',
      offset: '100',
      userId: ACCOUNT,
    });
    expect(loginAppealQuery({ status: 'upheld', account: undefined, page: 1 }).get('status')).toBe('upheld');
  });
});

describe('privacy request filters', () => {
  it('should read kind, status, overdue and account, and round-trip', () => {
    const filters = privacyRequestFiltersOf(
      new URLSearchParams(`kind=erasure&status=open&overdue=1&account=${ACCOUNT}`),
    );
    expect(filters).toEqual({
      kind: 'erasure',
      status: 'open',
      overdueOnly: true,
      account: ACCOUNT,
      page: 1,
    });
    expect(privacyRequestFiltersOf(privacyRequestFiltersToParams(filters))).toEqual(filters);
    expect(Object.fromEntries(privacyRequestQuery(filters))).toEqual({
      limit: '50',
      offset: '0',
      kind: 'erasure',
      status: 'open',
      overdue: 'true',
      userId: ACCOUNT,
    });
  });

  it('should ignore unknown values and send no filter for them', () => {
    const filters = privacyRequestFiltersOf(new URLSearchParams('kind=delete&status=x&overdue=yes'));
    expect(filters).toEqual({
      kind: undefined,
      status: undefined,
      overdueOnly: false,
      account: undefined,
      page: 1,
    });
    expect(Object.fromEntries(privacyRequestQuery(filters))).toEqual({ limit: '50', offset: '0' });
  });
});

describe('deadlineStandingOf', () => {
  it('should tell overdue, due, late and in-time requests apart', () => {
    expect(deadlineStandingOf({ status: 'open', overdue: true, completedLate: false })).toBe('overdue');
    expect(deadlineStandingOf({ status: 'open', overdue: false, completedLate: false })).toBe('due');
    expect(deadlineStandingOf({ status: 'completed', overdue: false, completedLate: true })).toBe(
      'completedLate',
    );
    expect(deadlineStandingOf({ status: 'completed', overdue: false, completedLate: false })).toBe(
      'completedInTime',
    );
  });
});
