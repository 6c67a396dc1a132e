import { isExamRoomRoute, type ServiceEdge } from '@exam/platform';

import type { ExamEnv } from '../config/exam.env';

/**
 * Exam's edge for the exam room (ADR 0048, decision 9): the ingress may route `/api/exam/attempts/*` here
 * without the gateway, so exam counts those routes against the shared per-account (else per-address) budget
 * and sends the edge's security headers. Every other route is counted by the gateway in front of it.
 */
export function examRoomEdge(env: ExamEnv): ServiceEdge {
  return {
    counts: (request) => isExamRoomRoute(request.routeOptions.url),
    limits: {
      perAccount: env.RATE_LIMIT_ACCOUNT_PER_MINUTE,
      perAddress: env.RATE_LIMIT_PER_MINUTE,
      namespace: env.RATE_LIMIT_NAMESPACE,
    },
  };
}
