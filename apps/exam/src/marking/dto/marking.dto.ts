import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { KEY_CHANGE_ACTIONS, type KeyChangeAction } from '../domain/key-change';

export class MarkingBatchDto {
  /** How many answers to claim (default 10). */
  @IsOptional() @IsInt() @Min(1) @Max(50) size?: number;
}

export class GiveMarkDto {
  /** From 0 to the answer's maxMark, a multiple of the exam's marking step. */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Max(1_000_000) mark!: number;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class RemarkDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Max(1_000_000) mark!: number;
  /** Why the final mark changes; kept in the score history. */
  @IsString() @Length(1, 500) reason!: string;
}

export class AcceptedAnswersDto {
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(200, { each: true }) accepted!: string[];
}

/**
 * A change of one question's key: `accept` another answer (single choice: option keys in `choices`; fill-in:
 * more accepted answers per blank in `blanks`), `replace` the key (`choices`, `truth` or `blanks`), or `drop`
 * the question (everyone gets its full points).
 */
export class KeyChangeDto {
  @IsUUID() questionId!: string;
  @IsIn(KEY_CHANGE_ACTIONS) action!: KeyChangeAction;
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
  @ValidateNested({ each: true })
  @Type(() => AcceptedAnswersDto)
  blanks?: AcceptedAnswersDto[];
  /** Why the key changes; kept with the change and in every score change it causes. */
  @IsString() @Length(1, 500) reason!: string;
}

export class RegradeDto {
  /** Continue after this attempt id (the previous answer's nextAfter). */
  @IsOptional() @IsUUID() after?: string;
}

export class QuestionProgressDto {
  questionId!: string;
  toMark!: number;
  inReconciliation!: number;
  marked!: number;
}

export class MarkingProgressDto {
  examId!: string;
  doubleMarking!: boolean;
  reconciliation!: string;
  toleranceFraction!: number;
  step!: number;
  questions!: QuestionProgressDto[];
}

export class MarkingPassageDto {
  /** The sub-question's position in a composite question; null for an essay question. */
  part!: number | null;
  stem!: string;
  /** The rubric or reference answer. */
  rubric!: string;
  /** What the candidate wrote. */
  text!: string;
  points!: number;
}

export class EarlierMarkDto {
  round!: number;
  mark!: number;
  comment!: string;
}

/** One anonymous answer to mark: no candidate, attempt or name, only the exam's opaque script id. */
export class MarkingTaskDto {
  scriptId!: string;
  questionId!: string;
  status!: string;
  maxMark!: number;
  step!: number;
  claimExpiresAt!: string | null;
  passages!: MarkingPassageDto[];
  /** The two marks that disagreed, for the reconciling marker (without who gave them). */
  earlierMarks!: EarlierMarkDto[];
}

export class MarkingBatchResponseDto {
  items!: MarkingTaskDto[];
}

export class MarkResultDto {
  scriptId!: string;
  questionId!: string;
  status!: string;
  marksGiven!: number;
  finalMark!: number | null;
}

export class RegradeProgressDto {
  processed!: number;
  changed!: number;
  nextAfter!: string | null;
}

export class KeyChangeResponseDto {
  questionId!: string;
  dropped!: boolean;
  correct!: string[] | null;
  truth!: boolean | null;
  accepted!: string[][] | null;
  reason!: string;
  changedAt!: string;
  regrade!: RegradeProgressDto;
}

export class ScoreChangeDto {
  questionId!: string;
  oldScore!: number | null;
  newScore!: number | null;
  reason!: string;
  actorId!: string | null;
  note!: string;
  at!: string;
}

export class ScoreHistoryResponseDto {
  attemptId!: string;
  items!: ScoreChangeDto[];
}
