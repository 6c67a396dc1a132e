import { type DynamicModule, Module } from '@nestjs/common';

import type { AccountsEnv } from '../config/accounts.env';
import { DevMailbox } from './dev-mailbox';
import { DevMailboxController } from './dev-mailbox.controller';
import { NOTIFIER, SMS_SENDER, type SmsSender } from './notifier';
import { SmtpNotifier, UnconfiguredSmsSender } from './smtp-notifier';

@Module({})
export class NotificationsModule {
  static register(env: AccountsEnv): DynamicModule {
    const production = env.NODE_ENV === 'production';
    const devMailbox = env.NOTIFIER === 'dev-mailbox';
    return {
      module: NotificationsModule,
      global: true,
      // The mailbox endpoint hands out codes: it must not exist in production, whatever else is configured.
      controllers: devMailbox && !production ? [DevMailboxController] : [],
      providers: [
        DevMailbox,
        { provide: SMS_SENDER, useClass: UnconfiguredSmsSender },
        devMailbox
          ? { provide: NOTIFIER, useExisting: DevMailbox }
          : {
              provide: NOTIFIER,
              inject: [SMS_SENDER],
              useFactory: (sms: SmsSender) => new SmtpNotifier(env.SMTP_URL, env.MAIL_FROM, sms),
            },
      ],
      exports: [NOTIFIER],
    };
  }
}
