import { IsPlainText } from '@exam/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  CLIPBOARD_ACTIONS,
  type ClipboardAction,
  PROCTORING_EVENT_KINDS,
  type ProctoringEventKind,
} from '../domain/proctoring-event';
import { MAX_ADDED_MINUTES } from '../domain/staff-action';

/** Events one report may carry. */
export const MAX_EVENTS_PER_REPORT = 50;

export class ProctoringEventDto {
  /** The client's id of the event, the same on every retry (8 to 64 letters, digits, - or _). */
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientEventId must be 8 to 64 letters, digits, - or _' })
  clientEventId!: string;
  @IsIn(PROCTORING_EVENT_KINDS) kind!: ProctoringEventKind;
  /** When it happened on the client: kept for reference only, the server's time decides. */
  @IsOptional() @IsISO8601({ strict: true }) occurredAt?: string;
  /** focus_lost: seconds away; idle: seconds without input. */
  @IsOptional() @IsInt() @Min(0) @Max(86_400) durationSeconds?: number;
  /** copy_paste: what was attempted. */
  @IsOptional() @IsIn(CLIPBOARD_ACTIONS) clipboardAction?: ClipboardAction;
  /** face_check: the token identity issued for the periodic check (purpose exam_proctor); none when it failed. */
  @IsOptional() @IsString() @MaxLength(4096) faceCheckToken?: string;
}

export class ReportProctoringEventsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENTS_PER_REPORT)
  @ValidateNested({ each: true })
  @Type(() => ProctoringEventDto)
  events!: ProctoringEventDto[];
}

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class StaffActionReasonDto {
  /** Why: kept with the action for the audit (5 to 500 characters of plain text). */
  @Transform(trimmed) @IsString() @IsPlainText() @Length(5, 500) reason!: string;
}

export class AddTimeDto extends StaffActionReasonDto {
  @IsInt() @Min(1) @Max(MAX_ADDED_MINUTES) minutes!: number;
}
