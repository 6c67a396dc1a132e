import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildAuthorityServer } from './authority-server';
import { loadAuthoritySimEnv } from './config/authority-sim.env';
import { generatedPerson, SEEDED_PERSONS } from './registry/test-persons';
import { canonicalString, sign, SIGNATURE_HEADERS } from './signing';

const SECRET = 'unit-test-authority-secret-0123456789';
const NOW = new Date('2026-11-26T04:00:00Z');

function person(name: string): { name: string; idNumber: string } {
  const found = SEEDED_PERSONS.find((p) => p.name === name);
  if (found === undefined) throw new Error(name);
  return { name: found.name, idNumber: found.idNumber };
}

describe('authority simulator', () => {
  let sut: FastifyInstance;
  const deliveries: { url: string; body: string; headers: Record<string, string> }[] = [];

  beforeEach(() => {
    deliveries.length = 0;
    const env = loadAuthoritySimEnv({ AUTHORITY_HMAC_SECRET: SECRET, AUTHORITY_RATE_LIMIT_PER_MINUTE: '5', AUTHORITY_GENERATED_PERSONS: '10' });
    sut = buildAuthorityServer(env, {
      now: () => NOW,
      deliver: (url, body, headers) => {
        deliveries.push({ url, body, headers });
        return Promise.resolve();
      },
    });
  });

  afterEach(async () => {
    await sut.close();
  });

  function signedHeaders(method: string, path: string, body: string, overrides: Partial<Record<string, string>> = {}): Record<string, string> {
    const timestamp = overrides.timestamp ?? String(Math.floor(NOW.getTime() / 1000));
    const nonce = overrides.nonce ?? randomUUID();
    return {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.appId]: 'exam-identity',
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: overrides.signature ?? sign(SECRET, canonicalString(method, path, timestamp, nonce, body)),
    };
  }

  async function verify(payload: object, overrides: Partial<Record<string, string>> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const body = JSON.stringify({ requestId: randomUUID(), ...payload });
    const response = await sut.inject({ method: 'POST', url: '/v1/verifications', payload: body, headers: signedHeaders('POST', '/v1/verifications', body, overrides) });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('should answer each result code from the seeded register', async () => {
    const zhang = person('张三');
    const cases: [object, string][] = [
      [zhang, 'match'],
      [{ ...zhang, name: '张四' }, 'mismatch'],
      [{ name: '张三', idNumber: '11010519900307999X' }, 'not_found'],
      [{ ...person('赵无照'), face: { livenessPassed: true, similarity: 0.95 } }, 'no_photo'],
      [{ ...zhang, face: { livenessPassed: false, similarity: 0.95 } }, 'liveness_failed'],
    ];
    for (const [payload, result] of cases) {
      const response = await verify(payload);
      expect(response.status).toBe(200);
      expect(response.body.result).toBe(result);
    }
  });

  it('should compare the face score with the threshold and record model and threshold', async () => {
    const response = await verify({ ...person('李四'), face: { livenessPassed: true, similarity: 0.5 } });
    expect(response.body).toMatchObject({ result: 'face_mismatch', score: 0.5, threshold: 0.8, modelVersion: 'sim-face-2026.1', billable: true });
  });

  it('should refuse bad signatures, stale timestamps and replayed nonces', async () => {
    expect((await verify(person('张三'), { signature: '0'.repeat(64) })).status).toBe(401);
    expect((await verify(person('张三'), { timestamp: String(Math.floor(NOW.getTime() / 1000) - 3600) })).status).toBe(401);
    const nonce = randomUUID();
    expect((await verify(person('张三'), { nonce })).status).toBe(200);
    expect((await verify(person('张三'), { nonce })).body.error).toBe('replayed_request');
  });

  it('should rate-limit per app id and let the result be confirmed by query', async () => {
    const first = await verify({ ...generatedPerson(3), callbackUrl: 'http://127.0.0.1:1/cb' });
    expect(first.body.result).toBe('match');
    expect(deliveries).toHaveLength(1);
    const path = `/v1/verifications/${String(first.body.verificationId)}`;
    const queried = await sut.inject({ method: 'GET', url: path, headers: signedHeaders('GET', path, '') });
    expect(queried.json()).toEqual(first.body);
    for (let i = 0; i < 3; i++) await verify(person('张三'));
    const limited = await verify(person('张三'));
    expect(limited.status).toBe(429);
  });

  it('should report expired documents and simulate upstream failures', async () => {
    expect((await verify(person('钱过期'))).body.result).toBe('expired_document');
    expect((await verify(person('孙故障'))).status).toBe(503);
  });
});
