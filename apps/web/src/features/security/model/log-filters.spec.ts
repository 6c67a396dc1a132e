import { logFiltersFromQuery, logFiltersToQuery, logSearchQuery } from './log-filters';

const SUBJECT = '9dcc6250-f4da-4fd4-9a69-fc264eb2a5ba';

describe('audit log search in the address', () => {
  it('round-trips ids, the event type and days, and drops anything else', () => {
    const query = new URLSearchParams(
      `subject=${SUBJECT}&type=staff.account.lock_requested&from=2026-03-01&ip=1.2.3.4`,
    );
    const filters = logFiltersFromQuery(query);
    expect(filters).toEqual({
      userId: SUBJECT,
      eventType: 'staff.account.lock_requested',
      fromDay: '2026-03-01',
    });
    expect(logFiltersFromQuery(logFiltersToQuery(filters))).toEqual(filters);
    expect(logFiltersFromQuery(new URLSearchParams('subject=bob&type=DROP TABLE'))).toEqual({});
  });

  it('asks the API with its names, a page size and the cursor of the page before', () => {
    const query = logSearchQuery({ userId: SUBJECT }, 25, 'accounts:12:2026-03-01T08:00:00.000Z');
    expect(Object.fromEntries(query)).toEqual({
      userId: SUBJECT,
      limit: '25',
      cursor: 'accounts:12:2026-03-01T08:00:00.000Z',
    });
  });
});
