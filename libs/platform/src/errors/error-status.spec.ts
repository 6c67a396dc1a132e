import type { ErrorKind } from './error-codes';
import { statusOf } from './error-status';

describe(statusOf.name, () => {
  it.each<[ErrorKind, number]>([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['gone', 410],
    ['unprocessable', 422],
    ['too_many', 429],
    ['unavailable', 503],
    ['internal', 500],
  ])('should map %s to %i', (kind, status) => {
    expect(statusOf(kind)).toBe(status);
  });
});
