import { ALERT_SEVERITIES, type AlertSeverity } from '@exam/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

import type { RiskPolicy } from '../risk-policy';

export class RuleParamsDto {
  @IsOptional() @IsInt() @Min(1) @Max(20_000) maxSpeedKmh?: number;
  @IsOptional() @IsInt() @Min(1) @Max(1440) windowMinutes?: number;
  @IsOptional() @IsInt() @Min(1) @Max(10_000) failures?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) distinctAccounts?: number;
  @IsOptional() @IsInt() @Min(1) @Max(3650) dormantDays?: number;
  @IsOptional() @IsInt() @Min(1) @Max(720) withinHours?: number;
}

/** PUT /risk/rules/:code: a partial update; what is left out stays as it is. */
export class UpdateRiskRuleDto {
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @IsInt() @Min(0) @Max(1000) weight?: number;
  @IsOptional() @IsIn(ALERT_SEVERITIES) severity?: AlertSeverity;
  @IsOptional() @ValidateNested() @Type(() => RuleParamsDto) params?: RuleParamsDto;
}

/** Optional, but never null: a null threshold would clear a NOT NULL setting (it answered 500). */
const IsPresentOrAbsent = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

export class UpdateRiskThresholdsDto {
  @IsPresentOrAbsent() @IsInt() @Min(1) @Max(1000) stepUpScore?: number;
  @IsPresentOrAbsent() @IsInt() @Min(1) @Max(1000) blockScore?: number;
  @IsPresentOrAbsent() @IsInt() @Min(1) @Max(1000) alertScore?: number;
  @IsPresentOrAbsent() @IsInt() @Min(1) @Max(10_080) alertDedupMinutes?: number;
}

export class RiskPolicyDto {
  rules!: RiskPolicy['rules'];
  thresholds!: RiskPolicy['thresholds'];

  static of(policy: RiskPolicy): RiskPolicyDto {
    return Object.assign(new RiskPolicyDto(), { rules: policy.rules, thresholds: policy.thresholds });
  }
}
