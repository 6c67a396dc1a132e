import { DomainError } from './domain-error';
import {
  AuthErrorCode,
  EventErrorCode,
  FaceTicketErrorCode,
  HealthErrorCode,
  RevealErrorCode,
  SessionCheckErrorCode,
} from './platform.error-codes';

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Your session is missing or has expired; sign in again.') {
    super(AuthErrorCode.UNAUTHENTICATED, message);
  }
}

/** Stable code and the version to accept, so a client can show that text and call the accept route. */
/** The route needs a sign-in no older than `maxAgeSeconds` (`@RequiresRecentAuth`); a refresh does not help. */
export class RecentAuthenticationRequiredError extends DomainError {
  constructor(maxAgeSeconds: number) {
    super(
      AuthErrorCode.RECENT_AUTHENTICATION_REQUIRED,
      `For this change, confirm it is you: send your password to POST /api/accounts/auth/reauthenticate and retry with the token it returns (a sign-in at most ${Math.round(maxAgeSeconds / 60)} minutes old is needed).`,
      [{ field: 'auth_time', reason: `older than ${maxAgeSeconds} s` }],
    );
  }
}

export class PolicyAcceptanceRequiredError extends DomainError {
  constructor(version: string) {
    super(
      AuthErrorCode.POLICY_ACCEPTANCE_REQUIRED,
      `The privacy policy changed materially: read version ${version} (GET /api/accounts/privacy-policy/versions/${version}), ` +
        `accept it (POST /api/accounts/me/policy-acceptances), then refresh your token.`,
      [{ field: 'policyVersion', reason: version }],
    );
  }
}

export class FaceTicketInvalidError extends DomainError {
  constructor() {
    super(
      FaceTicketErrorCode.TICKET_INVALID,
      'This face check is not (or no longer) authorised; start again from the sign-in page.',
      [{ field: 'ticket', reason: 'invalid_or_expired' }],
    );
  }
}

export class RevealRateLimitedError extends DomainError {
  constructor(perHour: number) {
    super(
      RevealErrorCode.RATE_LIMITED,
      `You have revealed ${perHour} values in the last hour; the limit protects against bulk export. Try again later.`,
    );
  }
}

export class RevealNotFoundError extends DomainError {
  constructor(field: string) {
    super(RevealErrorCode.NOT_FOUND, `No ${field} is stored for that subject.`);
  }
}

/** Payloads carry masked values or references only; the whole transaction fails rather than publish. */
export class PlaintextPersonalDataError extends DomainError {
  constructor(topic: string, kinds: readonly string[]) {
    super(
      EventErrorCode.PLAINTEXT_PERSONAL_DATA,
      `Refusing to publish ${topic}: the payload carries an unmasked ${kinds.join(', ')}`,
    );
  }
}

export class DependencyNotReadyError extends DomainError {
  constructor(message: string) {
    super(HealthErrorCode.NOT_READY, message);
  }
}

/** The revocation list is unreachable: refuse (fail closed) rather than honour a token that may be revoked. */
export class SessionCheckUnavailableError extends DomainError {
  constructor() {
    super(
      SessionCheckErrorCode.UNAVAILABLE,
      'We cannot check right now whether your session is still valid; nothing was done. Retry in a few seconds.',
    );
  }
}
