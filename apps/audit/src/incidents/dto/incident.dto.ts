import { IsPlainText } from '@exam/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

export const PERSONAL_DATA_CATEGORIES = [
  'name',
  'id_number',
  'phone',
  'email',
  'face',
  'bank_card',
  'address',
  'exam_results',
  'login_logs',
  'other',
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

export class RecordIncidentDto {
  @IsString() @IsPlainText() @Length(3, 200) title!: string;
  /** What happened and the harm it may cause. */
  @IsString() @Length(10, 4000) description!: string;
  @IsString() @Length(3, 2000) cause!: string;
  @IsISO8601() occurredAt!: string;
  @IsISO8601() discoveredAt!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PERSONAL_DATA_CATEGORIES, { each: true })
  dataCategories!: PersonalDataCategory[];
  @IsInt() @Min(0) @Max(1_000_000_000) affectedUsers!: number;
  @IsString() @Length(3, 2000) measures!: string;
  /** What affected users can do themselves (change password, watch for phishing …). */
  @IsString() @Length(3, 2000) userGuidance!: string;
}

export class NotifyIncidentDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class IncidentResponseDto {
  id!: string;
  title!: string;
  description!: string;
  cause!: string;
  occurredAt!: string;
  discoveredAt!: string;
  dataCategories!: string[];
  affectedUsers!: number;
  measures!: string;
  userGuidance!: string;
  status!: string;
  recordedBy!: string;
  createdAt!: string;
  notifiedAt!: string | null;
  notifiedUsers!: number;
}

/** The report kept for (and sent to) the regulator, with the items PIPL art. 57 asks for. */
export class RegulatorReportDto {
  incidentId!: string;
  generatedAt!: string;
  title!: string;
  occurredAt!: string;
  discoveredAt!: string;
  cause!: string;
  personalDataCategories!: string[];
  affectedUsers!: number;
  possibleHarm!: string;
  remedialMeasures!: string;
  measuresIndividualsCanTake!: string;
  usersNotified!: number;
  usersNotifiedAt!: string | null;
}
