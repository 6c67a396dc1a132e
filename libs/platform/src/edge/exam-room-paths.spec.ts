import { isExamRoomPath, isExamRoomRoute } from './exam-room-paths';

describe('exam-room paths', () => {
  it.each([
    '/api/exam/attempts',
    '/api/exam/attempts/0b6f3a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b',
    '/api/exam/attempts/a/paper',
    '/api/exam/attempts/a/answers/q-1',
    '/api/exam/attempts/a/proctoring-events?x=1',
    '/api/exam/attempts/a/submit/',
  ])('should let the gateway leave %s to exam', (url) => {
    expect(isExamRoomPath(url)).toBe(true);
  });

  it.each([
    ['a longer word', '/api/exam/attemptsx/a'],
    ['another exam route', '/api/exam/exams/e/attempts'],
    ['staff routes', '/api/exam/institutions/i/attempts/a/timeline'],
    ['percent-encoding', '/api/exam/attempts/a/%70aper'],
    ['an encoded prefix', '/api/exam/%61ttempts/a'],
    ['dot segments', '/api/exam/attempts/../exams/e'],
    ['a doubled slash', '/api/exam/attempts//a'],
    ['another service', '/api/accounts/attempts/a'],
    ['a query that names the room', '/api/exam/exams?next=/api/exam/attempts/a'],
  ])('should make the gateway count %s itself', (_what, url) => {
    expect(isExamRoomPath(url)).toBe(false);
  });

  it('should count at exam every route under the room prefix, once routed, and nothing else', () => {
    expect(isExamRoomRoute('/api/exam/attempts')).toBe(true);
    expect(isExamRoomRoute('/api/exam/attempts/:attemptId')).toBe(true);
    expect(isExamRoomRoute('/api/exam/attempts/:attemptId/answers/:questionId')).toBe(true);
    expect(isExamRoomRoute('/api/exam/exams/:examId/attempts')).toBe(false);
    expect(isExamRoomRoute('/api/exam/institutions/:institutionId/attempts/:attemptId/pause')).toBe(false);
    expect(isExamRoomRoute(undefined)).toBe(false);
  });
});
