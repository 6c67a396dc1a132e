import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class CreateAppealDto {
  @IsUUID() attemptId!: string;
  /** The user's account of what happened; visible to security staff only. */
  @IsString() @Length(10, 2000) statement!: string;
}

export class MyAssessmentsQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class DecisionReasonDto {
  rule!: string;
  reason!: string;
}

/** The explanation of one automated decision about the caller's own sign-in. */
export class MyAssessmentDto {
  attemptId!: string;
  attemptedAt!: string;
  outcome!: string;
  decision!: string;
  score!: number;
  rulesFired!: string[];
  reasons!: DecisionReasonDto[];
  /** Masked to /24. */
  ip!: string;
}

export class AppealResponseDto {
  appealId!: string;
  attemptId!: string;
  /** The appeal is reviewed by a person in the security staff's queue (this alert). */
  reviewAlertId!: string;
  createdAt!: string;
}
