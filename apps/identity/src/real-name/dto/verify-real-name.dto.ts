import { IsPlainText } from '@exam/platform';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

import { RealNameFaceAnswerDto } from '../face/dto/real-name-face.dto';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../guardian-consent.entity';

export class GuardianDto {
  @IsString() @IsPlainText() @Length(1, 100) name!: string;
  @IsString() @Length(1, 40) idNumber!: string;
  @IsIn(GUARDIAN_RELATIONSHIPS) relationship!: GuardianRelationship;
}

export class VerifyRealNameDto {
  @IsString() @IsPlainText() @Length(1, 100) name!: string;
  /** Checked by the GB 11643 rules in the service, so each failure gets its own code. */
  @IsString() @Length(1, 40) idNumber!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be YYYY-MM-DD' }) validFrom!: string;
  /** YYYY-MM-DD, or `long-term` for cards valid 长期. */
  @Matches(/^(\d{4}-\d{2}-\d{2}|long-term)$/, { message: 'validTo must be YYYY-MM-DD or long-term' })
  validTo!: string;
  @IsOptional() @ValidateNested() @Type(() => GuardianDto) guardian?: GuardianDto;
  /**
   * The face step (人脸核身): the answer to a liveness challenge from POST /real-name/face-challenges. The
   * frontal frame of a passed challenge goes to the authority, which compares it with its photo of the person.
   */
  @IsOptional() @ValidateNested() @Type(() => RealNameFaceAnswerDto) face?: RealNameFaceAnswerDto;
}
