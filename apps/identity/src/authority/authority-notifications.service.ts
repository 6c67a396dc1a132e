import { Clock } from '@exam/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import { VerificationAttemptRepository } from '../real-name/verification-attempt.repository';
import { NotificationRejectedError } from './authority.errors';
import { AUTHORITY_PROVIDER, type AuthorityProvider } from './authority.provider';
import {
  AUTHORITY_HEADERS,
  authorityCanonical,
  authoritySignatureValid,
  timestampFresh,
} from './authority-signing';

export interface IncomingNotification {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body exactly as the authority serialized it (CONTRACT.md: compact JSON). */
  readonly body: string;
  readonly verificationId: string;
}

export type NotificationOutcome = 'confirmed' | 'unknown_check' | 'disagrees';

function single(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The authority's asynchronous notifications. Accepted only with a valid HMAC over a fresh timestamp; even
 * then a notification only triggers a server-side query, whose answer is what gets recorded.
 */
@Injectable()
export class AuthorityNotificationsService {
  private readonly logger = new Logger(AuthorityNotificationsService.name);

  constructor(
    private readonly attempts: VerificationAttemptRepository,
    private readonly env: IdentityEnv,
    @Inject(AUTHORITY_PROVIDER) private readonly authority: AuthorityProvider,
    private readonly clock: Clock,
  ) {}

  async accept(notification: IncomingNotification): Promise<NotificationOutcome> {
    const timestamp = single(notification.headers[AUTHORITY_HEADERS.timestamp]);
    const nonce = single(notification.headers[AUTHORITY_HEADERS.nonce]);
    const canonical = authorityCanonical('POST', notification.path, timestamp, nonce, notification.body);
    if (
      single(notification.headers[AUTHORITY_HEADERS.appId]) !== this.env.AUTHORITY_APP_ID ||
      !authoritySignatureValid(
        this.env.AUTHORITY_HMAC_SECRET,
        canonical,
        single(notification.headers[AUTHORITY_HEADERS.signature]),
      )
    ) {
      throw new NotificationRejectedError('bad signature');
    }
    if (
      !timestampFresh(
        timestamp,
        this.clock.now().getTime(),
        this.env.AUTHORITY_NOTIFICATION_TOLERANCE_SECONDS,
      )
    ) {
      throw new NotificationRejectedError('stale timestamp');
    }
    const attempt = await this.attempts.findByProviderRef(notification.verificationId);
    if (attempt === null) return 'unknown_check';
    const confirmed = await this.authority.query(notification.verificationId);
    if (confirmed.result !== attempt.result) {
      this.logger.warn(
        `IDENTITY.AUTHORITY_NOTIFICATION_DISAGREES: attempt ${attempt.id} recorded ${attempt.result}, query says ${confirmed.result}`,
      );
      return 'disagrees';
    }
    // Replays within the window are harmless: the update is idempotent.
    await this.attempts.markNotified(attempt.id, this.clock.now());
    return 'confirmed';
  }
}
