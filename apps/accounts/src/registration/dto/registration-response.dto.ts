import { Sensitive } from '@exam/platform';

export class RegistrationStartedDto {
  registrationId!: string;
  channel!: 'sms' | 'email';
  /** Where the code went; masked on the way out. */
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  codeExpiresInSeconds!: number;
}

export class RegistrationCompletedDto {
  userId!: string;
  status!: 'active';
}
