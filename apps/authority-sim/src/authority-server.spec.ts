import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import { buildAuthorityServer } from './authority-server';
import { loadAuthoritySimEnv } from './config/authority-sim.env';
import { ReferencePhotos } from './registry/reference-photos';
import { generatedPerson, SEEDED_PERSONS } from './registry/test-persons';
import { canonicalString, sign, SIGNATURE_HEADERS } from './signing';

const SECRET = 'unit-test-authority-secret-0123456789';
const NOW = new Date('2026-11-26T04:00:00Z');

function person(name: string): { name: string; idNumber: string } {
  const found = SEEDED_PERSONS.find((p) => p.name === name);
  if (found === undefined) throw new Error(name);
  return { name: found.name, idNumber: found.idNumber };
}

/** Bytes the simulator accepts as a PNG; only their hash matters to it. */
function fakePng(tag: string): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)]);
}

const PHOTO_DIR = mkdtempSync(join(tmpdir(), 'authority-photos-'));
for (const label of ['bernadette', 'amy', '_group']) {
  mkdirSync(join(PHOTO_DIR, label));
  for (const n of [1, 2]) writeFileSync(join(PHOTO_DIR, label, `${label}${n}.png`), fakePng(`${label}${n}`));
}
const capture = (label: string, n: number): string => fakePng(`${label}${n}`).toString('base64');

afterAll(() => {
  rmSync(PHOTO_DIR, { recursive: true, force: true });
});

describe('authority simulator', () => {
  let sut: FastifyInstance;
  const deliveries: { url: string; body: string; headers: Record<string, string> }[] = [];

  beforeEach(() => {
    deliveries.length = 0;
    const env = loadAuthoritySimEnv({
      AUTHORITY_HMAC_SECRET: SECRET,
      AUTHORITY_RATE_LIMIT_PER_MINUTE: '20',
      AUTHORITY_GENERATED_PERSONS: '10',
      AUTHORITY_REFERENCE_PHOTOS_DIR: PHOTO_DIR,
    });
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

  function signedHeaders(
    method: string,
    path: string,
    body: string,
    overrides: Partial<Record<string, string>> = {},
  ): Record<string, string> {
    const timestamp = overrides.timestamp ?? String(Math.floor(NOW.getTime() / 1000));
    const nonce = overrides.nonce ?? randomUUID();
    return {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.appId]: 'exam-identity',
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]:
        overrides.signature ?? sign(SECRET, canonicalString(method, path, timestamp, nonce, body)),
    };
  }

  async function verify(
    payload: object,
    overrides: Partial<Record<string, string>> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const body = JSON.stringify({ requestId: randomUUID(), ...payload });
    const response = await sut.inject({
      method: 'POST',
      url: '/v1/verifications',
      payload: body,
      headers: signedHeaders('POST', '/v1/verifications', body, overrides),
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('should answer each result code from the seeded register', async () => {
    const zhang = person('张三');
    const cases: [object, string][] = [
      [zhang, 'match'],
      [{ ...zhang, name: '张四' }, 'mismatch'],
      [{ name: '张三', idNumber: '11010519900307999X' }, 'not_found'],
      [{ ...person('赵无照'), face: { image: capture('bernadette', 2) } }, 'no_photo'],
      // 张三 is linked to a label the directory does not hold: no photo either.
      [{ ...zhang, face: { image: capture('bernadette', 2) } }, 'no_photo'],
      [{ ...person('李四'), face: { image: capture('bernadette', 1) } }, 'liveness_failed'],
      [{ ...person('李四'), face: { image: capture('bernadette', 2) } }, 'match'],
      [{ ...person('阿依古丽·买买提'), face: { image: capture('bernadette', 2) } }, 'face_mismatch'],
    ];
    for (const [payload, result] of cases) {
      const response = await verify(payload);
      expect(response.status).toBe(200);
      expect(response.body.result).toBe(result);
    }
  });

  it('should score the capture against the register photo and record model and threshold', async () => {
    const same = await verify({ ...person('李四'), face: { image: capture('bernadette', 2) } });
    const other = await verify({ ...person('李四'), face: { image: capture('amy', 2) } });
    const unknown = await verify({
      ...person('李四'),
      face: { image: fakePng('never seen').toString('base64') },
    });
    const replayed = await verify({ ...person('李四'), face: { image: capture('bernadette', 1) } });

    expect(same.body).toMatchObject({
      result: 'match',
      score: 0.95,
      threshold: 0.8,
      modelVersion: 'sim-face-2026.1',
      billable: true,
    });
    expect(other.body).toMatchObject({ result: 'face_mismatch', score: 0.12, billable: true });
    expect(unknown.body).toMatchObject({ result: 'face_mismatch', score: 0.05 });
    expect(replayed.body).toMatchObject({ result: 'liveness_failed', score: null, billable: false });
  });

  it('should refuse a face capture that is not a PNG or JPEG, or too large, naming the field', async () => {
    const text = await verify({
      ...person('李四'),
      face: { image: Buffer.from('not an image').toString('base64') },
    });
    const huge = await verify({ ...person('李四'), face: { image: 'A'.repeat(800_000) } });
    const similarity = await verify({ ...person('李四'), face: { livenessPassed: true, similarity: 0.9 } });

    for (const response of [text, huge, similarity]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error: 'invalid_request',
        message: expect.stringContaining('face.image') as string,
      });
    }
  });

  it('should hold no photos without a reference directory', () => {
    expect(ReferencePhotos.empty().labels).toBe(0);
    expect(ReferencePhotos.load(PHOTO_DIR).labels).toBe(2);
  });

  it('should refuse bad signatures, stale timestamps and replayed nonces', async () => {
    expect((await verify(person('张三'), { signature: '0'.repeat(64) })).status).toBe(401);
    expect(
      (await verify(person('张三'), { timestamp: String(Math.floor(NOW.getTime() / 1000) - 3600) })).status,
    ).toBe(401);
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
    for (let i = 0; i < 18; i++) await verify(person('张三'));
    const limited = await verify(person('张三'));
    expect(limited.status).toBe(429);
  });

  it('should report expired documents and simulate upstream failures', async () => {
    expect((await verify(person('钱过期'))).body.result).toBe('expired_document');
    expect((await verify(person('孙故障'))).status).toBe(503);
  });
});
