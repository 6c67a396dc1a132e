import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import {
  LOGIN_APPEAL_DECISIONS,
  LOGIN_APPEAL_STATUSES,
  type LoginAppealDecision,
  type LoginAppealStatus,
  type LoginAppealView,
} from '../appeal-review';

export class ListLoginAppealsQueryDto {
  @IsOptional() @IsIn(LOGIN_APPEAL_STATUSES) status?: LoginAppealStatus;
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) offset?: number;
}

export class DecideLoginAppealDto {
  @IsIn(LOGIN_APPEAL_DECISIONS) decision!: LoginAppealDecision;
  /** Why; kept with the decision and chained in the audit log. */
  @IsString() @Length(10, 2000) reason!: string;
}

/** An appeal as the security staff review it (ids are pseudonymous; the statement is the user's own words). */
export class LoginAppealDto {
  id!: string;
  attemptId!: string;
  userId!: string;
  statement!: string;
  reviewAlertId!: string;
  createdAt!: string;
  status!: LoginAppealStatus;
  decisionReason!: string | null;
  decidedBy!: string | null;
  decidedAt!: string | null;
  /** The automated decision appealed (`step_up`, `block`); null once the assessment aged out. */
  automatedDecision!: string | null;
  score!: number | null;
  attemptedAt!: string | null;

  static of(view: LoginAppealView): LoginAppealDto {
    return Object.assign(new LoginAppealDto(), {
      ...view,
      createdAt: view.createdAt.toISOString(),
      decidedAt: view.decidedAt?.toISOString() ?? null,
      attemptedAt: view.attemptedAt?.toISOString() ?? null,
    });
  }
}

export class LoginAppealPageDto {
  items!: LoginAppealDto[];
  total!: number;
  limit!: number;
  offset!: number;
}
