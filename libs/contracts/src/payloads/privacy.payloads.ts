import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';

/**
 * Someone with a privileged role saw a full personal value (who, whose, which field, why, when).
 * The value itself never travels; audit records the fact in its chain.
 */
export class PersonalDataRevealedV1 {
  @IsUUID() revealId!: string;
  @IsUUID() actorId!: string;
  @IsString() @Length(1, 64) subjectId!: string;
  @Matches(/^[a-z][a-zA-Z0-9_.]{0,63}$/) field!: string;
  @IsString() @Length(10, 500) reason!: string;
  @IsISO8601() revealedAt!: string;
}
