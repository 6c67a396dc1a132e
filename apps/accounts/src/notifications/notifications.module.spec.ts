import { loadAccountsEnv } from '../config/accounts.env';
import { DevMailboxController } from './dev-mailbox.controller';
import { NotificationsModule } from './notifications.module';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----';

describe(NotificationsModule.name, () => {
  it('should mount the development mailbox outside production', () => {
    const env = loadAccountsEnv({
      NODE_ENV: 'development',
      DATABASE_NAME: 'exam_accounts',
      JWT_PRIVATE_KEY: PEM,
    });
    expect(NotificationsModule.register(env).controllers).toEqual([DevMailboxController]);
  });

  it('should never mount the development mailbox in production', () => {
    const env = loadAccountsEnv({
      NODE_ENV: 'development',
      DATABASE_NAME: 'exam_accounts',
      JWT_PRIVATE_KEY: PEM,
    });
    const production = Object.assign(env, { NODE_ENV: 'production' as const });
    expect(NotificationsModule.register(production).controllers).toEqual([]);
  });

  it('should refuse to start production with the development mailbox as the notifier', () => {
    expect(() =>
      loadAccountsEnv({
        NODE_ENV: 'production',
        DATABASE_NAME: 'exam_accounts',
        DATABASE_URL: 'mysql://svc:a-real-password-1234@db:3306',
        JWT_PRIVATE_KEY: PEM,
        CODE_HASH_KEY: 'k3y-0f-r3al-3ntr0py-9a8b7c6d5e4f',
        FACE_TICKET_SUBJECT_KEY: 'f4c3-t1ck3t-subj3ct-9a8b7c6d5e4f',
        SMTP_URL: 'smtp://mailer:a-real-password-1234@smtp.internal:587',
        NOTIFIER: 'dev-mailbox',
      }),
    ).toThrow(/NOTIFIER/);
  });
});
