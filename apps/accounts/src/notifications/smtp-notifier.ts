import { createTransport, type Transporter } from 'nodemailer';

import { EmailUnavailableError, SmsUnavailableError } from './notifications.errors';
import type { Notifier, OutgoingMessage, SmsSender } from './notifier';

/** Email through SMTP (nodemailer); text messages through the configured SMS gateway adapter. */
export class SmtpNotifier implements Notifier {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly sms: SmsSender,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel === 'sms') {
      await this.sms.sendSms(message.to, message.text);
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    } catch {
      throw new EmailUnavailableError();
    }
  }
}

/** Stands in until an SMS gateway contract exists: text-message delivery fails loudly instead of silently. */
export class UnconfiguredSmsSender implements SmsSender {
  sendSms(): Promise<void> {
    return Promise.reject(new SmsUnavailableError());
  }
}
