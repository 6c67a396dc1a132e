import {
  alertFiltersFromQuery,
  alertFiltersToQuery,
  alertListQuery,
  DEFAULT_ALERT_FILTERS,
} from './alert-filters';

const ACCOUNT = '9dcc6250-f4da-4fd4-9a69-fc264eb2a5ba';
const ME = '304a5abb-ae68-4adb-b81b-0841b0a8d3d4';

describe('alert filters in the address', () => {
  it('reads a plain address as the open alerts, SLA due first', () => {
    expect(alertFiltersFromQuery(new URLSearchParams())).toEqual(DEFAULT_ALERT_FILTERS);
    expect(alertFiltersToQuery(DEFAULT_ALERT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const query = new URLSearchParams(
      `status=new&severity=high,critical&rule=brute_force&account=${ACCOUNT}&institution=${ACCOUNT}&mine=1&from=2026-03-01&to=2026-03-02&sort=createdAt&order=desc&page=3&size=50`,
    );
    const filters = alertFiltersFromQuery(query);
    expect(filters).toMatchObject({
      statuses: ['new'],
      severities: ['high', 'critical'],
      rule: 'brute_force',
      userId: ACCOUNT,
      institutionId: ACCOUNT,
      mine: true,
      fromDay: '2026-03-01',
      toDay: '2026-03-02',
      sort: 'createdAt',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
    expect(alertFiltersFromQuery(alertFiltersToQuery(filters))).toEqual(filters);
  });

  it('drops what is not an enum, an id or a day, so nothing made up reaches the API', () => {
    const filters = alertFiltersFromQuery(
      new URLSearchParams(
        'status=new,bogus&severity=huge&rule=x&account=alice@example.com&from=yesterday&page=-1&size=7',
      ),
    );
    expect(filters).toEqual({ ...DEFAULT_ALERT_FILTERS, statuses: ['new'] });
  });

  it('keeps "every status" apart from "the open ones"', () => {
    const all = alertFiltersFromQuery(new URLSearchParams('status=all'));
    expect(all.statuses).toEqual([]);
    expect(alertFiltersToQuery(all).get('status')).toBe('all');
  });

  it('asks the API with its own names, inclusive days and the page as an offset', () => {
    const filters = alertFiltersFromQuery(
      new URLSearchParams(`severity=high&account=${ACCOUNT}&mine=1&from=2026-03-01&to=2026-03-01&page=2`),
    );
    const query = alertListQuery(filters, ME);
    expect(query.get('status')).toBe('new,acknowledged,investigating');
    expect(query.get('userId')).toBe(ACCOUNT);
    expect(query.get('assigneeId')).toBe(ME);
    expect(query.get('offset')).toBe('20');
    expect(query.get('limit')).toBe('20');
    const from = new Date(query.get('from') ?? '');
    const to = new Date(query.get('to') ?? '');
    expect(to.getTime() - from.getTime()).toBe(24 * 3_600_000);
  });
});
