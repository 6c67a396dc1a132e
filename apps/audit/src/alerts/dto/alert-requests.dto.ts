import { ALERT_SEVERITIES, type AlertSeverity } from '@exam/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

import { RULE_CODES, type RuleCode } from '../../login-risk/risk-policy';
import { ALERT_RESOLUTIONS, ALERT_STATUSES, type AlertResolution, type AlertStatus } from '../alert-status';

export const ALERT_SORT_FIELDS = ['createdAt', 'lastSeenAt', 'severity', 'slaDueAt', 'occurrences'] as const;
export type AlertSortField = (typeof ALERT_SORT_FIELDS)[number];

const csv = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : value;

export class ListAlertsQueryDto {
  @IsOptional() @Transform(csv) @IsArray() @IsIn(ALERT_STATUSES, { each: true }) status?: AlertStatus[];
  @IsOptional() @Transform(csv) @IsArray() @IsIn(ALERT_SEVERITIES, { each: true }) severity?: AlertSeverity[];
  @IsOptional() @IsIn(RULE_CODES) rule?: RuleCode;
  @IsOptional() @IsUUID() userId?: string;
  /** Alerts about users of this institution. */
  @IsOptional() @IsUUID() institutionId?: string;
  @IsOptional() @IsUUID() assigneeId?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsIn(ALERT_SORT_FIELDS) sort?: AlertSortField;
  @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class AcknowledgeAlertsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  alertIds!: string[];
}

export class AssignAlertDto {
  @IsUUID() assigneeId!: string;
}

export class CommentAlertDto {
  @IsString() @Length(1, 4000) body!: string;
}

export class ResolveAlertDto {
  @IsIn(ALERT_RESOLUTIONS) resolution!: AlertResolution;
  @IsString() @Length(3, 4000) note!: string;
}
