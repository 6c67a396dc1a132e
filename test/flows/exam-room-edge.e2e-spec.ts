import { randomBytes, randomUUID } from 'node:crypto';

import { loadConfig } from '@exam/platform';
import { issueTestToken, type ServiceTestBed, testEnv, testJwtPublicKeys } from '@exam/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import type { ExamEnv } from '../../apps/exam/src/config/exam.env';
import { startExamBed } from '../../apps/exam/test/support/exam-bed';
import { GatewayEnv } from '../../apps/gateway/src/config/gateway.env';
import { createGatewayApp } from '../../apps/gateway/src/create-gateway-app';

/**
 * The exam room's direct route (ADR 0048, decision 9): the ingress may send /api/exam/attempts/* straight to
 * exam, so exam enforces the edge's limit and headers on them, and the gateway leaves them to exam. Both count
 * on one Redis under one namespace: a candidate has one budget whichever way the requests come, and none is
 * counted twice or not at all.
 */
describe('exam room without the gateway hop (e2e)', () => {
  const limits = {
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '4',
    RATE_LIMIT_PER_MINUTE: '3',
    REDIS_URL: 'redis://127.0.0.1:6379',
    RATE_LIMIT_NAMESPACE: `room-${testEnv().runId}-${randomBytes(3).toString('hex')}:`.slice(0, 32),
  };
  let exam: ServiceTestBed<ExamEnv>;
  let gateway: NestFastifyApplication;
  let viaGateway = '';

  beforeAll(async () => {
    exam = await startExamBed(limits);
    gateway = await createGatewayApp(
      loadConfig(GatewayEnv, {
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        EXAM_URL: exam.url,
        JWT_PUBLIC_KEYS: testJwtPublicKeys(),
        ...limits,
      }),
    );
    await gateway.listen(0, '127.0.0.1');
    const address = gateway.getHttpServer().address();
    if (typeof address !== 'object' || address === null) throw new Error('gateway did not bind');
    viaGateway = `http://127.0.0.1:${address.port}`;
  }, 120_000);

  afterAll(async () => {
    await gateway.close();
    await exam.close();
  });

  const resume = (base: string, token: string | null, headers: Record<string, string> = {}) => {
    let call = request(base)
      .get(`/api/exam/attempts/${randomUUID()}`)
      .set('x-device-id', `room-edge-${randomUUID().slice(0, 8)}`);
    if (token !== null) call = call.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
    return call;
  };

  it('should give a candidate one budget for the exam room, spent once per request whichever way it comes', async () => {
    const candidate = issueTestToken();
    // Four requests, the account's whole budget: had the gateway counted its two as well, the third would fail.
    for (const base of [viaGateway, viaGateway, exam.url, exam.url]) {
      const reply = await resume(base, candidate).expect(404);
      expect(reply.body).toMatchObject({ code: 'ATTEMPT.NOT_FOUND' });
    }
    const direct = await resume(exam.url, candidate, { 'x-request-id': 'trace-room-edge-01' }).expect(429);
    expect(direct.body).toEqual({
      statusCode: 429,
      code: 'REQUEST.RATE_LIMITED',
      message: expect.stringMatching(/^Too many requests from your account; try again in \d+ s\.$/) as string,
      correlationId: 'trace-room-edge-01',
    });
    const proxied = await resume(viaGateway, candidate).expect(429);
    expect((proxied.body as { message: string }).message).toMatch(/from your account/);
    // Another candidate at the same address is not held back.
    await resume(exam.url, issueTestToken()).expect(404);
  });

  it('should count starting an attempt on the room route at exam, and on the exam route at the gateway', async () => {
    const candidate = issueTestToken();
    const startIn = (base: string) =>
      request(base)
        .post('/api/exam/attempts')
        .set('authorization', `Bearer ${candidate}`)
        .set('x-device-id', 'room-edge-start')
        .send({ examId: randomUUID() });
    for (const base of [viaGateway, exam.url, viaGateway, exam.url]) await startIn(base).expect(404);
    await startIn(exam.url).expect(429);
    // The exam route's start is the gateway's to count: exam lets it through however often it comes.
    const other = issueTestToken();
    for (let sent = 0; sent < 6; sent += 1)
      await request(exam.url)
        .post(`/api/exam/exams/${randomUUID()}/attempts`)
        .set('authorization', `Bearer ${other}`)
        .set('x-device-id', 'room-edge-start')
        .send({})
        .expect(404);
  });

  it("should leave exam's other routes to the gateway's count", async () => {
    const candidate = issueTestToken();
    for (let sent = 0; sent < 6; sent += 1)
      await request(exam.url)
        .get('/api/exam/me/registrations')
        .set('authorization', `Bearer ${candidate}`)
        .expect(200);
    for (let sent = 0; sent < 4; sent += 1)
      await request(viaGateway)
        .get('/api/exam/me/registrations')
        .set('authorization', `Bearer ${candidate}`)
        .expect(200);
    const limited = await request(viaGateway)
      .get('/api/exam/me/registrations')
      .set('authorization', `Bearer ${candidate}`)
      .expect(429);
    expect((limited.body as { message: string }).message).toMatch(/from your account/);
  });

  it('should count requests without a genuine token per client address, as the trusted ingress hop names it', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const forged = issueTestToken({ signedBy: 'untrusted' });
    const expired = issueTestToken({ expiresInSeconds: -10 });
    await resume(exam.url, null, from('198.51.100.21')).expect(401);
    await resume(exam.url, forged, from('198.51.100.21')).expect(401);
    await resume(exam.url, expired, from('198.51.100.21')).expect(401);
    const limited = await resume(exam.url, forged, from('198.51.100.21')).expect(429);
    expect((limited.body as { message: string }).message).toMatch(/from your address/);
    // Another address has its own budget; a genuine token its account's.
    await resume(exam.url, null, from('198.51.100.22')).expect(401);
    await resume(exam.url, issueTestToken(), from('198.51.100.21')).expect(404);
  });

  it('should not let a client outside the trusted proxies pick its address with X-Forwarded-For', async () => {
    // This exam trusts only a proxy network the test is not in, as a production pod trusts only the ingress's.
    const untrusting = await startExamBed({
      ...limits,
      RATE_LIMIT_NAMESPACE: `untrusted-${randomBytes(4).toString('hex')}:`,
      TRUSTED_PROXIES: '10.0.0.0/8',
    });
    try {
      for (const spoofed of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        await resume(untrusting.url, null, { 'x-forwarded-for': spoofed }).expect(401);
      // Three made-up addresses were one client: its fourth request is over the address's budget.
      const limited = await resume(untrusting.url, null, { 'x-forwarded-for': '203.0.113.4' }).expect(429);
      expect((limited.body as { message: string }).message).toMatch(/from your address/);
    } finally {
      await untrusting.close();
    }
  });

  it('should send the edge security headers and a trace id from the room routes, as the gateway does', async () => {
    const direct = await resume(exam.url, issueTestToken(), { 'x-request-id': 'trace-room-edge-02' }).expect(
      404,
    );
    expect(direct.headers['x-request-id']).toBe('trace-room-edge-02');
    expect((direct.body as { correlationId: string }).correlationId).toBe('trace-room-edge-02');
    const proxied = await resume(viaGateway, issueTestToken()).expect(404);
    for (const name of [
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'referrer-policy',
      'x-frame-options',
      'cross-origin-opener-policy',
    ])
      expect({ name, direct: direct.headers[name] }).toEqual({ name, direct: proxied.headers[name] });
    expect(direct.headers['x-content-type-options']).toBe('nosniff');
    // A made-up trace id is replaced, never echoed.
    const forged = await resume(exam.url, issueTestToken(), { 'x-request-id': '<script>' }).expect(404);
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
