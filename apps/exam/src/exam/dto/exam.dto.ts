import { IsPlainText } from '@exam/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  CHEAT_CONSEQUENCES,
  COUNTED_ATTEMPTS,
  EXAM_STATUSES,
  EXAM_VISIBILITIES,
  EXPIRY_ACTIONS,
  FORM_FIELD_KINDS,
  type FormFieldKind,
  RECONCILIATION_RULES,
  type ReconciliationRule,
  RESULTS_RELEASES,
  VENUE_KINDS,
} from '../exam-settings';

const DAY_MINUTES = 24 * 60;
/** 1,000,000 yuan, in fen. */
export const MAX_FEE_FEN = 100_000_000;

export class AntiCheatDto {
  @IsInt() @Min(0) @Max(100) tabSwitchLimit!: number;
  @IsInt() @Min(0) @Max(600) tabSwitchMinAwaySeconds!: number;
  @IsBoolean() fullScreenRequired!: boolean;
  @IsBoolean() blockCopyPaste!: boolean;
  @IsInt() @Min(0) @Max(240) periodicFaceCheckMinutes!: number;
  @IsInt() @Min(0) @Max(20) faceCheckFailureLimit!: number;
  @IsIn(CHEAT_CONSEQUENCES) consequence!: (typeof CHEAT_CONSEQUENCES)[number];
}

export class VenueDto {
  @IsIn(VENUE_KINDS) kind!: (typeof VENUE_KINDS)[number];
  @IsOptional() @IsString() @Length(1, 500) address?: string;
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) @MaxLength(500) link?: string;
}

export class FormFieldDto {
  @Matches(/^[a-z][a-z0-9_]{0,31}$/, { message: 'key must be lower-case letters, digits and _, up to 32' })
  key!: string;
  @IsString() @IsPlainText() @Length(1, 100) label!: string;
  @IsIn(FORM_FIELD_KINDS) kind!: FormFieldKind;
  @IsBoolean() required!: boolean;
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @ArrayMaxSize(50)
  options?: string[];
  @IsOptional() @IsInt() @Min(1) @Max(2000) maxLength?: number;
}

/** How essays are marked (see MarkingSettings); absent: single marking in steps of 0.5 points. */
export class MarkingSettingsDto {
  @IsBoolean() doubleMarking!: boolean;
  /** Two marks at most this fraction of the question's points apart are combined without a third marker. */
  @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) toleranceFraction!: number;
  @IsIn(RECONCILIATION_RULES) reconciliation!: ReconciliationRule;
  /** Marks are multiples of this many points. */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0.01) @Max(100) step!: number;
}

export class CertificateSettingDto {
  @IsBoolean() enabled!: boolean;
  @IsOptional() @IsString() @IsPlainText() @Length(1, 200) title?: string;
}

export class ExamSettingsDto {
  @IsInt() @Min(1) @Max(DAY_MINUTES) durationMinutes!: number;
  @IsInt() @Min(0) @Max(DAY_MINUTES) lateEntryMinutes!: number;
  @IsInt() @Min(0) @Max(DAY_MINUTES) minMinutesBeforeSubmit!: number;
  /** 1 to 100; 0 = unlimited, for practice exams only. */
  @IsInt() @Min(0) @Max(100) attemptsAllowed!: number;
  @IsIn(COUNTED_ATTEMPTS) countedAttempt!: (typeof COUNTED_ATTEMPTS)[number];
  @IsIn(EXPIRY_ACTIONS) onExpiry!: (typeof EXPIRY_ACTIONS)[number];
  @IsInt() @Min(0) @Max(60) graceMinutes!: number;
  @IsInt() @Min(0) @Max(100_000) passScore!: number;
  @IsIn(RESULTS_RELEASES) resultsRelease!: (typeof RESULTS_RELEASES)[number];
  @IsOptional() @IsISO8601({ strict: true }) @MaxLength(40) resultsReleaseAt?: string;
  /** Candidates must type it to enter; stored as a hash. */
  @IsOptional() @IsString() @Length(4, 64) accessPassword?: string;
  @IsString({ each: true }) @MaxLength(64, { each: true }) @ArrayMaxSize(50) allowedIpRanges!: string[];
  @IsBoolean() faceCheckAtEntry!: boolean;
  @ValidateNested() @Type(() => AntiCheatDto) antiCheat!: AntiCheatDto;
  @ValidateNested() @Type(() => VenueDto) venue!: VenueDto;
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  @ArrayMaxSize(30)
  registrationForm!: FormFieldDto[];
  @IsOptional() @ValidateNested() @Type(() => MarkingSettingsDto) marking?: MarkingSettingsDto;
  /** Candidates may review their answers, the correct ones and explanations once results are released (default false). */
  @IsOptional() @IsBoolean() reviewAllowed?: boolean;
  /** A PDF certificate on a pass (default: none). */
  @IsOptional() @ValidateNested() @Type(() => CertificateSettingDto) certificate?: CertificateSettingDto;
}

export class ExamDto {
  @IsString() @IsPlainText() @Length(1, 200) title!: string;
  @IsString() @MaxLength(20_000) notice!: string;
  @IsUUID() paperId!: string;
  @IsIn(EXAM_VISIBILITIES) visibility!: (typeof EXAM_VISIBILITIES)[number];
  @IsBoolean() practice!: boolean;
  @IsISO8601({ strict: true }) @MaxLength(40) opensAt!: string;
  @IsISO8601({ strict: true }) @MaxLength(40) closesAt!: string;
  @IsOptional() @IsISO8601({ strict: true }) @MaxLength(40) registrationOpensAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) @MaxLength(40) registrationClosesAt?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) capacity?: number;
  /** Fee in fen (integer minor units), 0 for a free exam. */
  @IsInt() @Min(0) @Max(MAX_FEE_FEN) feeFen!: number;
  @IsBoolean() requiresRealName!: boolean;
  @IsBoolean() requiresApproval!: boolean;
  @ValidateNested() @Type(() => ExamSettingsDto) settings!: ExamSettingsDto;
}

export class AccommodationDto {
  @IsInt() @Min(0) @Max(DAY_MINUTES) extraMinutes!: number;
  @IsOptional() @IsISO8601({ strict: true }) @MaxLength(40) windowOpensAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) @MaxLength(40) windowClosesAt?: string;
  @IsInt() @Min(0) @Max(100) extraAttempts!: number;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ListExamsQueryDto {
  @IsOptional() @IsIn(EXAM_STATUSES) status?: (typeof EXAM_STATUSES)[number];
}

export class OpenExamsQueryDto {
  /** The exams of one institution (public and institution-only); without it, public exams of every institution. */
  @IsOptional() @IsUUID() institutionId?: string;
}

export class ExamResponseDto {
  examId!: string;
  institutionId!: string;
  paperId!: string;
  title!: string;
  notice!: string;
  status!: string;
  visibility!: string;
  practice!: boolean;
  opensAt!: string;
  closesAt!: string;
  registrationOpensAt!: string | null;
  registrationClosesAt!: string | null;
  capacity!: number | null;
  seatsTaken!: number;
  feeFen!: number;
  requiresRealName!: boolean;
  requiresApproval!: boolean;
  settings!: Record<string, unknown>;
  publishedAt!: string | null;
}

export class AccommodationResponseDto {
  userId!: string;
  extraMinutes!: number;
  windowOpensAt!: string | null;
  windowClosesAt!: string | null;
  extraAttempts!: number;
  note!: string;
  /** The candidate's own closing time: the exam's (or the accommodation window's) plus the extra time. */
  effectiveClosesAt!: string;
  effectiveDurationMinutes!: number;
}

/** The exam room's rules, which the candidate reads before starting and the room applies while it runs. */
export class ExamRoomRulesDto {
  antiCheat!: {
    tabSwitchLimit: number;
    tabSwitchMinAwaySeconds: number;
    fullScreenRequired: boolean;
    blockCopyPaste: boolean;
    periodicFaceCheckMinutes: number;
    faceCheckFailureLimit: number;
    consequence: 'warn' | 'flag' | 'terminate';
  };
  /** Whether the start asks for an access password (never the password or its hash). */
  accessPasswordRequired!: boolean;
  faceCheckAtEntry!: boolean;
  lateEntryMinutes!: number;
  minMinutesBeforeSubmit!: number;
  /** 0 = unlimited. */
  attemptsAllowed!: number;
  resultsRelease!: 'immediately' | 'at_date' | 'after_marking';
}

/** What a candidate reads before registering: no paper, no internal settings. */
export class ExamNoticeDto {
  examId!: string;
  institutionId!: string;
  title!: string;
  notice!: string;
  practice!: boolean;
  opensAt!: string;
  closesAt!: string;
  registrationOpensAt!: string | null;
  registrationClosesAt!: string | null;
  durationMinutes!: number;
  feeFen!: number;
  requiresRealName!: boolean;
  requiresApproval!: boolean;
  seatsLeft!: number | null;
  venue!: Record<string, unknown>;
  registrationForm!: Record<string, unknown>[];
  room!: ExamRoomRulesDto;
}
