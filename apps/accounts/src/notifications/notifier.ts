/** A message to one recipient; `to` is a normalized phone (+86…) or email address. */
export interface OutgoingMessage {
  readonly channel: 'sms' | 'email';
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Delivers codes and invitations. Implementations: dev mailbox, SMTP (+ an SMS gateway adapter). */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');

/** The SMS gateway port (Aliyun SMS, Tencent SMS …); the SMTP notifier routes text messages through it. */
export interface SmsSender {
  sendSms(phone: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');
