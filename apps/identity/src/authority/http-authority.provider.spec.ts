import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SystemClock } from '@exam/platform';

import { loadIdentityEnv } from '../config/identity.env';
import { AUTHORITY_HEADERS, authorityCanonical, authoritySignatureValid } from './authority-signing';
import { HttpAuthorityProvider } from './http-authority.provider';

const SECRET = 'unit-authority-secret-0123456789abcdef';
const RECORD = {
  verificationId: '6f1d4c1e-0000-4000-8000-000000000001',
  requestId: 'r-0000001',
  result: 'match',
  billable: true,
  score: 0.91,
  threshold: 0.8,
  provider: 'authority-sim',
  modelVersion: 'm1',
  checkedAt: '2026-11-26T00:00:00.000Z',
};

type Handler = (
  request: IncomingMessage,
  body: string,
) => { status: number; body: unknown; delayMs?: number };

describe(HttpAuthorityProvider.name, () => {
  let server: Server;
  let handler: Handler;
  let sut: HttpAuthorityProvider;
  const seen: { method: string; url: string; signed: boolean }[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const header = (name: string): string => String(request.headers[name] ?? '');
        const canonical = authorityCanonical(
          request.method ?? '',
          request.url ?? '',
          header(AUTHORITY_HEADERS.timestamp),
          header(AUTHORITY_HEADERS.nonce),
          body,
        );
        seen.push({
          method: request.method ?? '',
          url: request.url ?? '',
          signed: authoritySignatureValid(SECRET, canonical, header(AUTHORITY_HEADERS.signature)),
        });
        const answer = handler(request, body);
        setTimeout(
          () =>
            response
              .writeHead(answer.status, { 'content-type': 'application/json' })
              .end(JSON.stringify(answer.body)),
          answer.delayMs ?? 0,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sut = new HttpAuthorityProvider(
      loadIdentityEnv({
        AUTHORITY_URL: `http://127.0.0.1:${port}`,
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_TIMEOUT_SECONDS: '1.5',
      }),
      // The test server checks signatures, not timestamps; the real clock keeps the timeout test honest.
      new SystemClock(),
    );
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const request = {
    requestId: 'r-0000001',
    name: '张三',
    idNumber: '11010519491231002X',
    document: { validFrom: '2015-01-01', validTo: 'long-term' },
  };

  it('should sign the check, confirm it by query and return the normalized decision', async () => {
    handler = () => ({ status: 200, body: RECORD });
    const decision = await sut.check(request);
    expect(decision).toEqual({
      result: 'match',
      billable: true,
      score: 0.91,
      threshold: 0.8,
      provider: 'authority-sim',
      modelVersion: 'm1',
      providerRef: RECORD.verificationId,
      detail: null,
    });
    expect(seen.map((s) => [s.method, s.signed])).toEqual([
      ['POST', true],
      ['GET', true],
    ]);
    expect(seen[1]?.url).toBe(`/v1/verifications/${RECORD.verificationId}`);
  });

  it('should turn a confirming query that disagrees into a provider error, never a match', async () => {
    handler = (incoming) => ({
      status: 200,
      body: incoming.method === 'GET' ? { ...RECORD, result: 'mismatch' } : RECORD,
    });
    expect(await sut.check(request)).toMatchObject({
      result: 'provider_error',
      billable: false,
      detail: 'unconfirmed_result',
    });
  });

  it('should map malformed answers, rate limits, server errors and timeouts', async () => {
    handler = () => ({ status: 200, body: { ...RECORD, result: 'approved' } });
    expect(await sut.check(request)).toMatchObject({
      result: 'provider_error',
      detail: 'malformed_response',
    });
    handler = () => ({ status: 429, body: { error: 'rate_limited' } });
    expect(await sut.check(request)).toMatchObject({ result: 'rate_limited', billable: false });
    handler = () => ({ status: 503, body: { error: 'upstream_unavailable' } });
    expect(await sut.check(request)).toMatchObject({ result: 'provider_error', detail: 'http_503' });
    handler = () => ({ status: 200, body: RECORD, delayMs: 3000 });
    expect(await sut.check(request)).toMatchObject({ result: 'provider_error', detail: 'timeout' });
  });
});
