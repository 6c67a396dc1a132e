/** Where a user's appeal of an automated login decision stands. */
export const LOGIN_APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type LoginAppealStatus = (typeof LOGIN_APPEAL_STATUSES)[number];

/** A reviewer's answer: the automated decision stands (upheld) or was wrong (overturned). */
export const LOGIN_APPEAL_DECISIONS = ['upheld', 'overturned'] as const;
export type LoginAppealDecision = (typeof LOGIN_APPEAL_DECISIONS)[number];

/** One appeal as staff review it; the automated decision comes from the assessment, while it is kept. */
export interface LoginAppealView {
  readonly id: string;
  readonly attemptId: string;
  readonly userId: string;
  readonly statement: string;
  readonly reviewAlertId: string;
  readonly createdAt: Date;
  readonly status: LoginAppealStatus;
  readonly decisionReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  /** The automated decision appealed (`step_up`, `block`); null once the assessment aged out. */
  readonly automatedDecision: string | null;
  readonly score: number | null;
  readonly attemptedAt: Date | null;
}

export interface LoginAppealFilter {
  readonly status?: LoginAppealStatus;
  readonly userId?: string;
  readonly limit: number;
  readonly offset: number;
}
