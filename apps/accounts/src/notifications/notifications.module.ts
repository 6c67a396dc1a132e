import { type DynamicModule, Module } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';
import { DevMailbox } from './dev-mailbox';
import { DevMailboxController } from './dev-mailbox.controller';
import { NOTIFIER, type Notifier, SMS_SENDER, type SmsSender } from './notifier';
import { SmtpNotifier, UnconfiguredSmsSender } from './smtp-notifier';

@Module({})
export class NotificationsModule {
  /**
   * Takes the env only to decide, while the module is built, whether the mailbox route exists at all (routes cannot
   * be chosen by a provider); the notifier itself is picked by a factory from the injected AccountsEnv.
   */
  static register(env: AccountsEnv): DynamicModule {
    const mountMailbox = env.NOTIFIER === 'dev-mailbox' && env.NODE_ENV !== 'production';
    return {
      module: NotificationsModule,
      global: true,
      // The mailbox endpoint hands out codes: it must not exist in production, whatever else is configured.
      controllers: mountMailbox ? [DevMailboxController] : [],
      providers: [
        DevMailbox,
        { provide: SMS_SENDER, useClass: UnconfiguredSmsSender },
        {
          provide: NOTIFIER,
          inject: [AccountsEnv, DevMailbox, SMS_SENDER],
          useFactory: (accounts: AccountsEnv, mailbox: DevMailbox, sms: SmsSender): Notifier =>
            accounts.NOTIFIER === 'dev-mailbox'
              ? mailbox
              : new SmtpNotifier(accounts.SMTP_URL, accounts.MAIL_FROM, sms),
        },
      ],
      exports: [NOTIFIER],
    };
  }
}
