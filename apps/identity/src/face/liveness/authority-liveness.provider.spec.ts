import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SystemClock } from '@exam/platform';

import {
  AUTHORITY_HEADERS,
  authorityCanonical,
  authoritySignatureValid,
} from '../../authority/authority-signing';
import { loadIdentityEnv } from '../../config/identity.env';
import type { LivenessStep } from '../face-liveness';
import { AuthorityLivenessProvider, LIVENESS_CHECK_PATH } from './authority-liveness.provider';
import type { LivenessCapture, LivenessChallengeSpec } from './liveness-provider';

const SECRET = 'unit-liveness-secret-0123456789abcdef';
const STEPS: LivenessStep[] = ['turn_left', 'look_straight', 'turn_right'];
const CHALLENGE: LivenessChallengeSpec = {
  steps: STEPS,
  nonce: 'nonce-1',
  issuedAt: new Date('2026-12-07T05:00:00.000Z'),
  expiresAt: new Date('2026-12-07T05:02:00.000Z'),
};
const FRAMES: LivenessCapture[] = [0.2, 0, -0.2].map((yaw, i) => ({
  yaw,
  descriptor: new Float32Array(128).fill(i / 10),
  landmarks: [],
  digest: `d${i}`,
  image: Buffer.from(`frame-${i}`),
}));

type Handler = (checkId: string) => { status: number; body: unknown; raw?: string; delayMs?: number };

describe(AuthorityLivenessProvider.name, () => {
  let server: Server;
  let handler: Handler;
  let sut: AuthorityLivenessProvider;
  const seen: { url: string; signed: boolean; body: Record<string, unknown> }[] = [];

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
        const parsed = JSON.parse(body) as Record<string, unknown>;
        seen.push({
          url: request.url ?? '',
          signed: authoritySignatureValid(SECRET, canonical, header(AUTHORITY_HEADERS.signature)),
          body: parsed,
        });
        const answer = handler(String(parsed.checkId));
        setTimeout(() => {
          if (response.destroyed) return;
          response
            .writeHead(answer.status, { 'content-type': 'application/json' })
            .end(answer.raw ?? JSON.stringify(answer.body));
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sut = new AuthorityLivenessProvider(
      loadIdentityEnv({
        AUTHORITY_URL: `http://127.0.0.1:${port}`,
        AUTHORITY_HMAC_SECRET: SECRET,
        LIVENESS_PROVIDER: 'authority',
        LIVENESS_TIMEOUT_SECONDS: '0.5',
      }),
      // The test server checks signatures, not timestamps; the real clock keeps the timeout test honest.
      new SystemClock(),
    );
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const vendor = { provider: 'vendor-x', modelVersion: 'v9' };

  it('should send the signed challenge and frames and pass what the vendor passed', async () => {
    handler = (checkId) => ({ status: 200, body: { checkId, passed: true, frontalIndex: 1, ...vendor } });

    const verdict = await sut.evaluate(CHALLENGE, FRAMES);

    expect(verdict).toEqual({ passed: true, frontalIndex: 1, provider: 'vendor-x', providerVersion: 'v9' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: LIVENESS_CHECK_PATH, signed: true });
    expect(seen[0]?.body).toMatchObject({
      challenge: { steps: STEPS, nonce: 'nonce-1', expiresAt: '2026-12-07T05:02:00.000Z' },
      frames: [
        { image: Buffer.from('frame-0').toString('base64'), yaw: 0.2 },
        { image: Buffer.from('frame-1').toString('base64'), yaw: 0 },
        { image: Buffer.from('frame-2').toString('base64'), yaw: -0.2 },
      ],
    });
  });

  it("should refuse with the vendor's own reason", async () => {
    handler = (checkId) => ({
      status: 200,
      body: { checkId, passed: false, reason: 'frame 0 does not show turn_left (yaw -0.20)', ...vendor },
    });

    const verdict = await sut.evaluate(CHALLENGE, FRAMES);

    expect(verdict).toEqual({
      passed: false,
      reason: 'the liveness service refused the capture: frame 0 does not show turn_left (yaw -0.20)',
      provider: 'vendor-x',
      providerVersion: 'v9',
    });
  });

  const undecided: [string, Handler, string][] = [
    [
      'a timeout',
      (checkId) => ({
        status: 200,
        body: { checkId, passed: true, frontalIndex: 1, ...vendor },
        delayMs: 1500,
      }),
      'did not answer in time',
    ],
    ['HTTP 500', () => ({ status: 500, body: { error: 'internal' } }), 'HTTP 500'],
    ['HTTP 401', () => ({ status: 401, body: { error: 'unauthorized' } }), 'HTTP 401'],
    [
      'a body that is not JSON',
      () => ({ status: 200, body: null, raw: '{"passed": tru' }),
      'could not be read',
    ],
    ['a JSON string', () => ({ status: 200, body: 'passed' }), 'could not be read'],
    [
      'passed as a string',
      (checkId) => ({ status: 200, body: { checkId, passed: 'true', frontalIndex: 1, ...vendor } }),
      'could not be read',
    ],
    [
      'another check id',
      () => ({ status: 200, body: { checkId: 'someone-elses', passed: true, frontalIndex: 1, ...vendor } }),
      'could not be read',
    ],
    [
      'a frontal frame that was not asked to look straight',
      (checkId) => ({ status: 200, body: { checkId, passed: true, frontalIndex: 0, ...vendor } }),
      'could not be read',
    ],
    [
      'a frontal index out of range',
      (checkId) => ({ status: 200, body: { checkId, passed: true, frontalIndex: 7, ...vendor } }),
      'could not be read',
    ],
    [
      'a refusal without a reason',
      (checkId) => ({ status: 200, body: { checkId, passed: false, ...vendor } }),
      'could not be read',
    ],
  ];

  it.each(undecided)(
    'should not pass on %s, and say the service could not decide',
    async (_, answer, why) => {
      handler = answer;

      const verdict = await sut.evaluate(CHALLENGE, FRAMES);

      expect(verdict).toMatchObject({ passed: false, provider: 'authority-liveness' });
      expect(!verdict.passed && verdict.reason).toContain('the liveness service could not decide');
      expect(!verdict.passed && verdict.reason).toContain(why);
    },
  );

  it('should not pass when nothing listens at the URL', async () => {
    const closed = new AuthorityLivenessProvider(
      loadIdentityEnv({ AUTHORITY_URL: 'http://127.0.0.1:9', LIVENESS_TIMEOUT_SECONDS: '0.5' }),
      new SystemClock(),
    );

    const verdict = await closed.evaluate(CHALLENGE, FRAMES);

    expect(verdict).toMatchObject({
      passed: false,
      reason: expect.stringContaining('unreachable') as string,
    });
  });
});
