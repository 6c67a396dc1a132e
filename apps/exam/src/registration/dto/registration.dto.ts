import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration.entity';

export class FormAnswerDto {
  @Matches(/^[a-z][a-z0-9_]{0,31}$/, { message: 'key must be a field key of the exam’s form' }) key!: string;
  @IsString() @MaxLength(100_000) value!: string;
}

export class RegisterDto {
  /** One `{ key, value }` per form field; a person who sends an object gets that said first. */
  @IsArray({ message: 'answers must be a list of { key, value } pairs, one per field of the exam’s form' })
  @ValidateNested({ each: true })
  @Type(() => FormAnswerDto)
  @ArrayMaxSize(30)
  answers!: FormAnswerDto[];
}

export class RejectRegistrationDto {
  /** Shown to the candidate. */
  @IsString() @Length(2, 500) reason!: string;
}

export class ListRegistrationsQueryDto {
  @IsOptional() @IsIn(REGISTRATION_STATUSES) status?: RegistrationStatus;
  @IsOptional() @Matches(/^[A-Z0-9]{1,20}$/) registrationNumber?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class VerifyTicketDto {
  @IsString() @MaxLength(4000) token!: string;
}

/** A registration as its candidate sees it: their own answers in full, the verified identity masked. */
export class RegistrationResponseDto {
  registrationId!: string;
  examId!: string;
  registrationNumber!: string;
  ticketNumber!: string | null;
  status!: RegistrationStatus;
  /** Filled from the real-name verification, masked, not editable. */
  verifiedName!: string | null;
  verifiedIdNumber!: string | null;
  answers!: Record<string, string>;
  feeFen!: number;
  paid!: boolean;
  /** True once a payment order exists: the data can no longer be edited (see lockedReason). */
  locked!: boolean;
  lockedReason!: string | null;
  reviewReason!: string | null;
  createdAt!: string;
  confirmedAt!: string | null;
  cancelledAt!: string | null;
}

/** A registration as staff see it in lists and exports: answers masked; full values only through the reveal. */
export class StaffRegistrationDto {
  registrationId!: string;
  userId!: string;
  registrationNumber!: string;
  ticketNumber!: string | null;
  status!: RegistrationStatus;
  verifiedName!: string | null;
  verifiedIdNumber!: string | null;
  answers!: Record<string, string>;
  feeFen!: number;
  paid!: boolean;
  reviewReason!: string | null;
  createdAt!: string;
}

export class RegistrationFormDto {
  examId!: string;
  requiresRealName!: boolean;
  verified!: boolean;
  verifiedName!: string | null;
  verifiedIdNumber!: string | null;
  fields!: Record<string, unknown>[];
}

export class TicketVerificationDto {
  valid!: boolean;
  reason!: string | null;
  examId!: string | null;
  registrationNumber!: string | null;
  ticketNumber!: string | null;
  status!: string | null;
}
