import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { PRIVACY_REQUEST_KINDS, type PrivacyRequestKind } from '../privacy-request.entity';
import type { QueuedPrivacyRequest } from '../privacy-request-queue.service';
import { PRIVACY_REQUEST_STATUSES, type PrivacyRequestStatus } from '../privacy-request-status';

export class ListPrivacyRequestsQueryDto {
  @IsOptional() @IsIn(PRIVACY_REQUEST_KINDS) kind?: PrivacyRequestKind;
  @IsOptional() @IsIn(PRIVACY_REQUEST_STATUSES) status?: PrivacyRequestStatus;
  /** `true`: only open requests past their deadline; `false`: none of them. */
  @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) offset?: number;
}

/** One request as staff see it: no personal value, only the pseudonymous account id and the dates. */
export class StaffPrivacyRequestDto {
  id!: string;
  userId!: string;
  kind!: PrivacyRequestKind;
  status!: PrivacyRequestStatus;
  requestedAt!: string;
  /** The statutory deadline (15 days after the request). */
  deadlineAt!: string;
  completedAt!: string | null;
  overdue!: boolean;
  completedLate!: boolean;
  /** Seconds until the deadline while open (negative once overdue); null once completed. */
  secondsLeft!: number | null;

  static of({ request, standing }: QueuedPrivacyRequest): StaffPrivacyRequestDto {
    return Object.assign(new StaffPrivacyRequestDto(), {
      id: request.id,
      userId: request.userId,
      kind: request.kind,
      status: standing.status,
      requestedAt: request.requestedAt.toISOString(),
      deadlineAt: request.deadlineAt.toISOString(),
      completedAt: request.completedAt?.toISOString() ?? null,
      overdue: standing.overdue,
      completedLate: standing.completedLate,
      secondsLeft: standing.secondsLeft,
    });
  }
}

export class StaffPrivacyRequestPageDto {
  items!: StaffPrivacyRequestDto[];
  total!: number;
  limit!: number;
  offset!: number;
}
