import { IsJWT, IsString, MaxLength } from 'class-validator';

import { AnswerFaceChallengeDto } from './face-requests.dto';

const MAX_TICKET_LENGTH = 2048;

/** A face check before sign-in: the face ticket the accounts service gave for this account and purpose. */
export class PreAuthChallengeDto {
  /** From the accounts service (risky sign-in, face sign-in or password recovery by face). */
  @IsString()
  @MaxLength(MAX_TICKET_LENGTH)
  @IsJWT({ message: 'ticket must be the face ticket the sign-in gave you' })
  ticket!: string;
}

export class PreAuthAnswerDto extends AnswerFaceChallengeDto {
  @IsString()
  @MaxLength(MAX_TICKET_LENGTH)
  @IsJWT({ message: 'ticket must be the face ticket the sign-in gave you' })
  ticket!: string;
}
