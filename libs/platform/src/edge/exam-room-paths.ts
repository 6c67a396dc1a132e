/**
 * The exam room's API: every route under this prefix is a candidate's own attempt (start, resume, paper,
 * answers, takeover, submit, proctoring events). The ingress may route these straight to exam, without the gateway
 * hop (ADR 0048, decision 9), so exam enforces the edge's limits on them itself and the gateway leaves them
 * uncounted: each such request is counted once, by exam, whichever way it came.
 */
export const EXAM_ROOM_PATH_PREFIX = '/api/exam/attempts';

/**
 * Only plain segments: a path with percent-encoding, dot segments or anything else unusual is not skipped by
 * the gateway (it counts it as any other request), so no spelling of a room path escapes both counters.
 */
const CANONICAL_ROOM_PATH = /^\/api\/exam\/attempts(\/[A-Za-z0-9_-]+)*\/?$/;

/** Whether a request URL (path and query) is a plainly spelled exam-room path: the gateway's test. */
export function isExamRoomPath(url: string): boolean {
  const query = url.indexOf('?');
  return CANONICAL_ROOM_PATH.test(query === -1 ? url : url.slice(0, query));
}

/**
 * Whether a matched route pattern (Fastify's `routeOptions.url`, e.g. `/api/exam/attempts/:attemptId/paper`)
 * is an exam-room route: exam's test, made after routing, so any spelling the router resolves to a room route
 * is counted, and unmatched paths (404, no work done) are not.
 */
export function isExamRoomRoute(routePattern: string | undefined): boolean {
  return (
    routePattern !== undefined &&
    (routePattern === EXAM_ROOM_PATH_PREFIX || routePattern.startsWith(`${EXAM_ROOM_PATH_PREFIX}/`))
  );
}
