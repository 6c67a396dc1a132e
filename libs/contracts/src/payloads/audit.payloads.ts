import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const LOGIN_DECISIONS = ['allow', 'step_up', 'block'] as const;
export type LoginDecision = (typeof LOGIN_DECISIONS)[number];

/** Audit's risk decision on a login attempt; accounts enforces it. */
export class LoginAssessedV1 {
  @IsUUID() attemptId!: string;
  @IsUUID() userId!: string;
  @IsIn(LOGIN_DECISIONS) decision!: LoginDecision;
  @IsInt() @Min(0) @Max(1000) score!: number;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true }) rulesFired!: string[];
}

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export class AlertRaisedV1 {
  @IsUUID() alertId!: string;
  @IsUUID() userId!: string;
  @IsIn(ALERT_SEVERITIES) severity!: AlertSeverity;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) rulesFired!: string[];
}
