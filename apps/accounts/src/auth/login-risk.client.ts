import {
  LOGIN_DECISIONS,
  LOGIN_RISK_DECIDE_PATH,
  LOGIN_RISK_DECIDE_SCOPE,
  type LoginAttemptedV1,
  type LoginDecision,
  SERVICE_TOKEN_AUDIENCE,
} from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';
import { AccessTokenIssuer } from './access-token.issuer';
import type { AttemptRecord } from './login-attempts.recorder';

function isDecision(value: unknown): value is LoginDecision {
  return (LOGIN_DECISIONS as readonly unknown[]).includes(value);
}

/**
 * Asks audit's risk engine, synchronously and with a tight timeout, what to do with a sign-in whose password was
 * right, before any token exists. Anything but a clear answer in time (audit down, slow, an error, a garbled
 * reply) is a step-up: a code to the proven contact, never an allow.
 */
@Injectable()
export class LoginRiskClient {
  private readonly logger = new Logger(LoginRiskClient.name);
  private readonly url: string;
  /** The service token, signed once and reused for half its 60 s life instead of once per sign-in. */
  private serviceToken: { readonly value: string; readonly renewAtMs: number } | undefined;

  constructor(
    private readonly env: AccountsEnv,
    private readonly tokens: AccessTokenIssuer,
    private readonly clock: Clock,
  ) {
    this.url = new URL(LOGIN_RISK_DECIDE_PATH, env.LOGIN_RISK_URL).toString();
  }

  async decide(attempt: AttemptRecord): Promise<LoginDecision> {
    const body: LoginAttemptedV1 = {
      attemptId: attempt.attemptId,
      ...(attempt.userId === undefined ? {} : { userId: attempt.userId }),
      outcome: 'success',
      ip: attempt.client.ip.slice(0, 45),
      userAgent: attempt.client.userAgent.slice(0, 512),
      ...(attempt.client.deviceId === undefined ? {} : { deviceId: attempt.client.deviceId }),
      attemptedAt: attempt.at.toISOString(),
    };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.currentServiceToken()}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.env.LOGIN_RISK_TIMEOUT_SECONDS * 1000),
      });
      if (!response.ok) throw new Error(`audit answered ${response.status}`);
      const reply: unknown = await response.json();
      const decision =
        typeof reply === 'object' && reply !== null ? (reply as { decision?: unknown }).decision : undefined;
      if (!isDecision(decision)) throw new Error('audit answered without a decision');
      return decision;
    } catch (error: unknown) {
      this.logger.warn(
        `no risk decision for attempt ${attempt.attemptId}, asking for a code: ${String(error)}`,
      );
      return 'step_up';
    }
  }

  private currentServiceToken(): string {
    const now = this.clock.nowMs();
    if (this.serviceToken === undefined || now >= this.serviceToken.renewAtMs) {
      this.serviceToken = {
        value: this.tokens.issueServiceToken(SERVICE_TOKEN_AUDIENCE, LOGIN_RISK_DECIDE_SCOPE),
        renewAtMs: now + 30_000,
      };
    }
    return this.serviceToken.value;
  }
}
