import type { PrivacyRequestKind } from './privacy-request.entity';

/**
 * Where a privacy request stands against its statutory deadline (15 days). `open`: this service has not done
 * its part; `completed`: it has (`completedLate` when after the deadline). Export and erasure are done at once
 * today, so an open request means a failure to look into, and it is listed first.
 */
export const PRIVACY_REQUEST_STATUSES = ['open', 'completed'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

export interface PrivacyRequestFacts {
  readonly kind: PrivacyRequestKind;
  readonly requestedAt: Date;
  readonly deadlineAt: Date;
  readonly completedAt: Date | null;
}

export interface PrivacyRequestStanding {
  readonly status: PrivacyRequestStatus;
  /** Open past its deadline. */
  readonly overdue: boolean;
  /** Completed, but after its deadline. */
  readonly completedLate: boolean;
  /** Seconds until the deadline while open (negative once overdue); null once completed. */
  readonly secondsLeft: number | null;
}

export function standingOf(request: PrivacyRequestFacts, now: Date): PrivacyRequestStanding {
  if (request.completedAt !== null) {
    return {
      status: 'completed',
      overdue: false,
      completedLate: request.completedAt.getTime() > request.deadlineAt.getTime(),
      secondsLeft: null,
    };
  }
  const secondsLeft = Math.floor((request.deadlineAt.getTime() - now.getTime()) / 1000);
  return { status: 'open', overdue: secondsLeft < 0, completedLate: false, secondsLeft };
}
