import { randomUUID } from 'node:crypto';

import { VERIFICATION_RESULTS, type VerificationResult } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import type { AuthorityCheckRequest, AuthorityDecision, AuthorityProvider } from './authority.provider';
import { authorityRequestHeaders } from './authority-signing';

const PROVIDER = 'authority-sim';
/** Results the provider itself reports; rate_limited and provider_error are ours, from HTTP outcomes. */
const PROVIDER_RESULTS = new Set<string>(
  VERIFICATION_RESULTS.filter((r) => r !== 'rate_limited' && r !== 'provider_error'),
);

interface ProviderRecord {
  readonly verificationId: string;
  readonly result: VerificationResult;
  readonly billable: boolean;
  readonly score: number | null;
  readonly threshold: number | null;
  readonly provider: string;
  readonly modelVersion: string | null;
}

function isProviderRecord(value: unknown): value is ProviderRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const nullableNumber = (v: unknown): boolean => v === null || typeof v === 'number';
  return (
    typeof r.verificationId === 'string' &&
    typeof r.result === 'string' &&
    PROVIDER_RESULTS.has(r.result) &&
    typeof r.billable === 'boolean' &&
    nullableNumber(r.score) &&
    nullableNumber(r.threshold) &&
    typeof r.provider === 'string' &&
    (r.modelVersion === null || typeof r.modelVersion === 'string')
  );
}

type CallOutcome =
  | { readonly kind: 'ok'; readonly body: unknown }
  | { readonly kind: 'failed'; readonly decision: AuthorityDecision };

/**
 * The authority contract over HTTP: signed requests, a hard timeout, and every answer confirmed by a second,
 * server-side query of the check, so a forged or garbled response can never produce a "match".
 */
@Injectable()
export class HttpAuthorityProvider implements AuthorityProvider {
  private readonly logger = new Logger(HttpAuthorityProvider.name);

  constructor(
    private readonly env: IdentityEnv,
    private readonly clock: Clock,
  ) {}

  async check(request: AuthorityCheckRequest): Promise<AuthorityDecision> {
    const body = JSON.stringify({
      requestId: request.requestId,
      name: request.name,
      idNumber: request.idNumber,
      ...(request.document === undefined ? {} : { document: request.document }),
      ...(request.face === undefined ? {} : { face: { image: request.face.image.toString('base64') } }),
    });
    const submitted = await this.call('POST', '/v1/verifications', body);
    if (submitted.kind === 'failed') return submitted.decision;
    if (!isProviderRecord(submitted.body)) return this.failure('malformed_response', null);
    const confirmed = await this.query(submitted.body.verificationId);
    if (confirmed.result === 'provider_error' || confirmed.result === 'rate_limited') return confirmed;
    if (confirmed.result !== submitted.body.result) {
      this.logger.warn(
        'IDENTITY.AUTHORITY_UNCONFIRMED: the confirming query disagreed with the submitted check',
      );
      return this.failure('unconfirmed_result', submitted.body.verificationId);
    }
    return confirmed;
  }

  async query(providerRef: string): Promise<AuthorityDecision> {
    const answer = await this.call('GET', `/v1/verifications/${encodeURIComponent(providerRef)}`, '');
    if (answer.kind === 'failed') return { ...answer.decision, providerRef };
    const record = answer.body;
    if (!isProviderRecord(record) || record.verificationId !== providerRef)
      return this.failure('malformed_response', providerRef);
    return {
      result: record.result,
      billable: record.billable,
      score: record.score,
      threshold: record.threshold,
      provider: record.provider,
      modelVersion: record.modelVersion,
      providerRef: record.verificationId,
      detail: null,
    };
  }

  private failure(
    detail: string,
    providerRef: string | null,
    result: VerificationResult = 'provider_error',
  ): AuthorityDecision {
    return {
      result,
      billable: false,
      score: null,
      threshold: null,
      provider: PROVIDER,
      modelVersion: null,
      providerRef,
      detail,
    };
  }

  private async call(method: 'GET' | 'POST', path: string, body: string): Promise<CallOutcome> {
    const timestamp = String(Math.floor(this.clock.nowMs() / 1000));
    const nonce = randomUUID();
    const headers = authorityRequestHeaders(
      { appId: this.env.AUTHORITY_APP_ID, secret: this.env.AUTHORITY_HMAC_SECRET },
      { method, path, body },
      timestamp,
      nonce,
    );
    if (method === 'POST') headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.env.AUTHORITY_URL}${path}`, {
        method,
        headers,
        ...(method === 'POST' ? { body } : {}),
        signal: AbortSignal.timeout(Math.round(this.env.AUTHORITY_TIMEOUT_SECONDS * 1000)),
      });
    } catch (error: unknown) {
      // Node's fetch rejects with a DOMException, which is not always an instance of Error.
      const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return { kind: 'failed', decision: this.failure(timedOut ? 'timeout' : 'unreachable', null) };
    }
    if (response.status === 429) {
      await response.body?.cancel();
      return { kind: 'failed', decision: this.failure('provider_rate_limited', null, 'rate_limited') };
    }
    if (!response.ok) {
      await response.body?.cancel();
      if (response.status === 401 || response.status === 400) {
        this.logger.error(
          `IDENTITY.AUTHORITY_REJECTED_REQUEST: ${method} ${path.split('/').slice(0, 3).join('/')} answered ${response.status}`,
        );
      }
      return { kind: 'failed', decision: this.failure(`http_${response.status}`, null) };
    }
    try {
      const body: unknown = await response.json();
      return { kind: 'ok', body };
    } catch {
      return { kind: 'failed', decision: this.failure('malformed_response', null) };
    }
  }
}
