import { IsPlainText } from '@exam/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBase64,
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
  MAX_ACCEPTED,
  MAX_BLANKS,
  MAX_DIFFICULTY,
  MAX_OPTIONS,
  MAX_RICH_TEXT,
  MAX_SCORE,
  MAX_SUB_QUESTIONS,
  MIN_DIFFICULTY,
  PARTIAL_CREDIT_RULES,
  type PartialCreditRule,
  QUESTION_TYPES,
  type QuestionType,
} from '../question-content';

export class CreateBankDto {
  @IsString() @IsPlainText() @Length(1, 200) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class UpdateBankDto {
  @IsOptional() @IsString() @IsPlainText() @Length(1, 200) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

/** A category name has a character other than white space (it is stored trimmed). */
const NOT_BLANK = /\S/;

export class CreateCategoryDto {
  @IsString()
  @IsPlainText()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
  @IsOptional() @IsUUID() parentId?: string;
}

export class UpdateCategoryDto {
  @IsOptional()
  @IsString()
  @IsPlainText()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;
  /** Move under another category; null moves it to the root. */
  @IsOptional() @IsUUID() parentId?: string | null;
}

export class CreateTagDto {
  @IsString() @IsPlainText() @Length(1, 100) name!: string;
}

export class OptionDto {
  @IsString() @MaxLength(MAX_RICH_TEXT) text!: string;
  @IsBoolean() correct!: boolean;
}

export class BlankDto {
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(MAX_ACCEPTED)
  accepted!: string[];
}

export class NormalisationDto {
  @IsOptional() @IsBoolean() ignoreCase?: boolean;
  @IsOptional() @IsBoolean() ignoreSpaces?: boolean;
  @IsOptional() @IsBoolean() fullWidthToHalfWidth?: boolean;
}

/** The parts every question type shares with a composite's sub-questions. */
export class SubQuestionDto {
  @IsIn(QUESTION_TYPES) type!: QuestionType;
  @IsString() @MaxLength(MAX_RICH_TEXT) stem!: string;
  @IsOptional() @IsString() @MaxLength(MAX_RICH_TEXT) explanation?: string;
  @IsInt() @Min(0) @Max(MAX_SCORE) score!: number;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  @ArrayMaxSize(MAX_OPTIONS)
  options?: OptionDto[];
  @IsOptional() @IsIn(PARTIAL_CREDIT_RULES) partialCredit?: PartialCreditRule;
  @IsOptional() @IsBoolean() answer?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => BlankDto)
  @ArrayMaxSize(MAX_BLANKS)
  blanks?: BlankDto[];
  @IsOptional() @ValidateNested() @Type(() => NormalisationDto) normalisation?: NormalisationDto;
  @IsOptional() @IsString() @MaxLength(MAX_RICH_TEXT) rubric?: string;
}

export class QuestionDto extends SubQuestionDto {
  @IsInt() @Min(MIN_DIFFICULTY) @Max(MAX_DIFFICULTY) difficulty!: number;
  @IsOptional() @IsUUID() categoryId?: string;
  @IsOptional() @IsString({ each: true }) @Length(1, 100, { each: true }) @ArrayMaxSize(20) tags?: string[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SubQuestionDto)
  @ArrayMaxSize(MAX_SUB_QUESTIONS)
  subQuestions?: SubQuestionDto[];
}

export class ListQuestionsQueryDto {
  @IsOptional() @IsIn(QUESTION_TYPES) type?: QuestionType;
  @IsOptional() @Type(() => Number) @IsInt() @Min(MIN_DIFFICULTY) @Max(MAX_DIFFICULTY) difficulty?: number;
  @IsOptional() @IsUUID() categoryId?: string;
  @IsOptional() @IsString() @Length(1, 100) tag?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class BankResponseDto {
  bankId!: string;
  name!: string;
  description!: string;
  createdAt!: string;
  updatedAt!: string;
}

export class CategoryResponseDto {
  categoryId!: string;
  parentId!: string | null;
  name!: string;
  children!: CategoryResponseDto[];
}

export class TagResponseDto {
  tagId!: string;
  name!: string;
}

export class QuestionResponseDto {
  questionId!: string;
  bankId!: string;
  version!: number;
  type!: QuestionType;
  difficulty!: number;
  score!: number;
  categoryId!: string | null;
  tags!: string[];
  /** The question's content at `version` (sanitised rich text, options with keys, answers for staff). */
  content!: Record<string, unknown>;
  locked!: boolean;
  updatedAt!: string;
}

export class QuestionPageDto {
  items!: QuestionResponseDto[];
  total!: number;
}

export class QuestionVersionResponseDto {
  version!: number;
  locked!: boolean;
  createdAt!: string;
  content!: Record<string, unknown>;
}

/** One question of a JSON import or export (category by path "A/B", tags by name). */
export class ImportQuestionDto extends SubQuestionDto {
  @IsInt() @Min(MIN_DIFFICULTY) @Max(MAX_DIFFICULTY) difficulty!: number;
  @IsOptional() @IsString() @MaxLength(1000) categoryPath?: string;
  @IsOptional() @IsString({ each: true }) @Length(1, 100, { each: true }) @ArrayMaxSize(20) tags?: string[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SubQuestionDto)
  @ArrayMaxSize(MAX_SUB_QUESTIONS)
  subQuestions?: SubQuestionDto[];
}

export class ImportJsonDto {
  @IsOptional() @IsIn(['exam-bank/v1']) format?: 'exam-bank/v1';
  @ValidateNested({ each: true })
  @Type(() => ImportQuestionDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  questions!: ImportQuestionDto[];
}

export class ImportXlsxDto {
  /** The .xlsx file, base64-encoded (up to 12 MB of base64). */
  @IsBase64() @MaxLength(12_000_000) fileBase64!: string;
}

export class ImportResultDto {
  imported!: number;
  categoriesCreated!: number;
}
