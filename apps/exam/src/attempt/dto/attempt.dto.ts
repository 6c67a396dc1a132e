import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import type { AttemptStatus } from '../domain/attempt-state';

export class StartAttemptDto {
  /** The face-check token identity issued for this exam (purpose exam_start), when the exam requires one. */
  @IsOptional() @IsString() @MaxLength(4096) faceCheckToken?: string;
  /** The access password the invigilator gives, when the exam has one. */
  @IsOptional() @IsString() @MaxLength(200) accessPassword?: string;
}

/** Starting an attempt on the exam room's own route (`POST /attempts`): the exam is named in the body. */
export class StartAttemptInExamDto extends StartAttemptDto {
  @IsUUID(undefined, { message: 'examId must be the exam id (a UUID) from the exam notice' }) examId!: string;
}

/** One sub-question's answer inside a composite answer; `{}` leaves it blank. */
export class AnswerPartDto {
  @IsOptional() @IsString() @MaxLength(8) choice?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  choices?: string[];
  @IsOptional() @IsBoolean() truth?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  blanks?: string[];
  @IsOptional() @IsString() @MaxLength(50_000) text?: string;
}

/**
 * An answer by question type: `choice` (single), `choices` (multiple), `truth` (true/false), `blanks`
 * (fill-in), `text` (essay), `parts` (composite). An answer with no field clears the question.
 */
export class AnswerDto extends AnswerPartDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AnswerPartDto)
  parts?: AnswerPartDto[];
}

export class SaveAnswerDto {
  /**
   * The device's sequence number for this attempt, increasing with every change it makes: the server keeps
   * the answer with the highest one, so a retry or a late request never brings an older answer back.
   */
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) seq!: number;
  /** The same on every retry of one save (8 to 64 letters, digits, - or _). */
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, - or _' })
  idempotencyKey!: string;
  @ValidateNested() @Type(() => AnswerDto) answer!: AnswerDto;
}

/** Server time and the attempt's deadline, on every response: the client's countdown follows these. */
export class AttemptClockDto {
  serverTime!: string;
  deadline!: string;
  /** Saves and submissions are accepted until then (deadline plus grace). */
  saveUntil!: string;
  remainingSeconds!: number;
}

export class SavedAnswerDto {
  questionId!: string;
  seq!: number;
  answer!: AnswerDto;
  savedAt!: string;
}

export class AttemptResponseDto {
  attemptId!: string;
  examId!: string;
  attemptNumber!: number;
  status!: AttemptStatus;
  /** True when a start found this attempt already running and handed it back. */
  resumed!: boolean;
  startedAt!: string;
  earliestSubmitAt!: string;
  submittedAt!: string | null;
  /** Set while the exam's staff hold the attempt paused (saves refused, time left frozen). */
  pausedAt!: string | null;
  clock!: AttemptClockDto;
  /**
   * Where this candidate's paper is: `GET /attempts/{attemptId}/paper`, immutable once the attempt started, so
   * the browser keeps it (a reload revalidates it with 304) and start, resume, takeover and submit never carry it.
   */
  paperUrl!: string;
  answers!: SavedAnswerDto[];
}

export class SaveAnswerResponseDto {
  /** False when the server holds a newer save (a higher seq) than this one; `held` is what it holds. */
  applied!: boolean;
  held!: SavedAnswerDto;
  clock!: AttemptClockDto;
}
