import { IsBoolean, IsUUID } from 'class-validator';

export class RegistrationCreatedV1 {
  @IsUUID() registrationId!: string;
  @IsUUID() examId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsBoolean() feeRequired!: boolean;
}
