import { IsString, Length, Matches } from 'class-validator';

/** Body of every reveal endpoint: seeing a full value always needs a written reason. */
export class RevealRequestDto {
  @IsString()
  @Length(10, 500, { message: 'reason must explain in 10 to 500 characters why the full value is needed' })
  @Matches(/\S.*\S.*\S/s, { message: 'reason must be a sentence, not blank space' })
  reason!: string;
}

export interface RevealResponseDto {
  readonly field: string;
  readonly value: string;
  readonly revealedAt: string;
}
