import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';

import { authorityRequestHeaders } from '../../authority/authority-signing';
import { IdentityEnv } from '../../config/identity.env';
import {
  type LivenessCapture,
  type LivenessChallengeSpec,
  LivenessProvider,
  type ProviderLivenessVerdict,
} from './liveness-provider';

export const LIVENESS_CHECK_PATH = '/liveness/v1/checks';
const PROVIDER = 'authority-liveness';
const UNKNOWN_VERSION = 'unknown';

type Reply =
  | { readonly passed: true; readonly frontalIndex: number; provider: string; modelVersion: string }
  | { readonly passed: false; readonly reason: string; provider: string; modelVersion: string };

/** The vendor's answer, field by field; anything else is garbled and decides nothing. */
function parseReply(body: unknown, checkId: string, challenge: LivenessChallengeSpec): Reply | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const r = body as Record<string, unknown>;
  if (r.checkId !== checkId || typeof r.provider !== 'string' || typeof r.modelVersion !== 'string')
    return null;
  const provider = r.provider.slice(0, 64);
  const modelVersion = r.modelVersion.slice(0, 64);
  if (r.passed === true) {
    const index = r.frontalIndex;
    // The frontal frame is the one asked to look straight; any other index is not an answer to this challenge.
    if (typeof index !== 'number' || challenge.steps[index] !== 'look_straight') return null;
    return { passed: true, frontalIndex: index, provider, modelVersion };
  }
  if (r.passed === false && typeof r.reason === 'string' && r.reason.length > 0)
    return { passed: false, reason: r.reason.slice(0, 160), provider, modelVersion };
  return null;
}

/**
 * A certified vendor's liveness service behind the port (apps/authority-sim/CONTRACT.md § Liveness): the frames
 * as the camera sent them, signed like every authority request, with a hard timeout. Fails closed: a timeout,
 * a network error, any non-2xx status or an answer that does not parse is "not passed", with a reason saying
 * the service could not decide.
 */
@Injectable()
export class AuthorityLivenessProvider extends LivenessProvider {
  private readonly logger = new Logger(AuthorityLivenessProvider.name);

  constructor(
    private readonly env: IdentityEnv,
    private readonly clock: Clock,
  ) {
    super();
  }

  async evaluate(
    challenge: LivenessChallengeSpec,
    frames: readonly LivenessCapture[],
  ): Promise<ProviderLivenessVerdict> {
    const checkId = randomUUID();
    const body = JSON.stringify({
      checkId,
      challenge: {
        steps: challenge.steps,
        nonce: challenge.nonce,
        issuedAt: challenge.issuedAt.toISOString(),
        expiresAt: challenge.expiresAt.toISOString(),
      },
      frames: frames.map((frame) => ({
        image: frame.image.toString('base64'),
        yaw: frame.yaw,
        descriptor: Array.from(frame.descriptor),
      })),
    });
    const answer = await this.post(body);
    if (!answer.ok) return this.undecided(answer.why);
    const reply = parseReply(answer.body, checkId, challenge);
    if (reply === null) return this.undecided('its answer could not be read');
    const by = { provider: reply.provider, providerVersion: reply.modelVersion };
    if (reply.passed) return { passed: true, frontalIndex: reply.frontalIndex, ...by };
    return { passed: false, reason: `the liveness service refused the capture: ${reply.reason}`, ...by };
  }

  private undecided(why: string): ProviderLivenessVerdict {
    this.logger.warn(`IDENTITY.LIVENESS_PROVIDER_FAILED: ${why}`);
    return {
      passed: false,
      reason: `the liveness service could not decide (${why}); try again in a few minutes`,
      provider: PROVIDER,
      providerVersion: UNKNOWN_VERSION,
    };
  }

  /** The parsed JSON answer, or why there is none. */
  private async post(
    body: string,
  ): Promise<{ readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly why: string }> {
    const headers = authorityRequestHeaders(
      { appId: this.env.AUTHORITY_APP_ID, secret: this.env.AUTHORITY_HMAC_SECRET },
      { method: 'POST', path: LIVENESS_CHECK_PATH, body },
      String(Math.floor(this.clock.nowMs() / 1000)),
      randomUUID(),
    );
    let response: Response;
    try {
      response = await fetch(`${this.env.AUTHORITY_URL}${LIVENESS_CHECK_PATH}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(Math.round(this.env.LIVENESS_TIMEOUT_SECONDS * 1000)),
      });
    } catch (error: unknown) {
      // Node's fetch rejects with a DOMException, which is not always an instance of Error.
      const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return { ok: false, why: timedOut ? 'it did not answer in time' : 'it is unreachable' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, why: `it answered HTTP ${response.status}` };
    }
    try {
      return { ok: true, body: await response.json() };
    } catch {
      return { ok: false, why: 'its answer could not be read' };
    }
  }
}
