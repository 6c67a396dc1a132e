import { IsPlainText } from '@exam/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  MAX_DIFFICULTY,
  MAX_SCORE,
  MIN_DIFFICULTY,
  QUESTION_TYPES,
  type QuestionType,
} from '../../bank/question-content';
import type { CandidatePaper, PaperKind } from '../paper-structure';
import { PAPER_KINDS } from '../paper-structure';

export class FixedItemDto {
  @IsUUID() questionId!: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_SCORE) score?: number;
}

export class DrawRuleDto {
  @IsInt() @Min(1) @Max(500) count!: number;
  @IsInt() @Min(0) @Max(MAX_SCORE) scoreEach!: number;
  @IsOptional() @IsUUID() categoryId?: string;
  @IsOptional() @IsString() @Length(1, 100) tag?: string;
  @IsOptional() @IsIn(QUESTION_TYPES) type?: QuestionType;
  @IsOptional() @IsInt() @Min(MIN_DIFFICULTY) @Max(MAX_DIFFICULTY) difficulty?: number;
}

export class PaperSectionDto {
  @IsString() @IsPlainText() @Length(1, 200) title!: string;
  @IsOptional() @IsString() @MaxLength(5000) instructions?: string;
  @ValidateNested({ each: true }) @Type(() => FixedItemDto) @ArrayMaxSize(500) items!: FixedItemDto[];
  @ValidateNested({ each: true }) @Type(() => DrawRuleDto) @ArrayMaxSize(20) draws!: DrawRuleDto[];
  @IsBoolean() shuffleQuestions!: boolean;
  @IsBoolean() shuffleOptions!: boolean;
}

export class PaperDto {
  @IsString() @IsPlainText() @Length(1, 200) title!: string;
  @IsUUID() bankId!: string;
  @IsIn(PAPER_KINDS) kind!: PaperKind;
  @ValidateNested({ each: true })
  @Type(() => PaperSectionDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  sections!: PaperSectionDto[];
}

export class PreviewQueryDto {
  /** Preview the paper a given seed produces; a fresh one is chosen when absent. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,32}$/) seed?: string;
}

export class PaperResponseDto {
  paperId!: string;
  bankId!: string;
  title!: string;
  kind!: PaperKind;
  sections!: PaperSectionDto[];
  totalScore!: number;
  updatedAt!: string;
}

export class PaperPreviewDto {
  paper!: CandidatePaper;
}
