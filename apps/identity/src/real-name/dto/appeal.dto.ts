import {
  APPEAL_DECISIONS,
  type AppealDecision,
  REAL_NAME_APPEAL_KINDS,
  type RealNameAppealKind,
} from '@exam/contracts';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class FileAppealDto {
  @IsIn(REAL_NAME_APPEAL_KINDS) kind!: RealNameAppealKind;
  @IsString() @Length(10, 500) reason!: string;
  /** Required for `id_number_taken`: the number the appellant says is theirs. */
  @ValidateIf((dto: FileAppealDto) => dto.kind === 'id_number_taken')
  @IsString()
  @Length(1, 40)
  idNumber?: string;
}

export class DecideAppealDto {
  @IsIn(APPEAL_DECISIONS) decision!: AppealDecision;
  /** Recorded and audited with the decision. */
  @IsString() @Length(10, 500) reason!: string;
}

export class ListAppealsQueryDto {
  @IsOptional() @IsIn(['open', 'approved', 'rejected']) status?: 'open' | 'approved' | 'rejected';
}

export class AppealResponseDto {
  id!: string;
  kind!: RealNameAppealKind;
  status!: string;
  createdAt!: string;
}

export class AdminAppealResponseDto extends AppealResponseDto {
  userId!: string;
  reason!: string;
  maskedIdNumber!: string | null;
  reviewedBy!: string | null;
  reviewReason!: string | null;
}
