import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import { loadConfig } from '@exam/platform';
import { issueTestToken, testEnv, testJwtPublicKeys } from '@exam/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { GatewayEnv } from '../src/config/gateway.env';
import { createGatewayApp } from '../src/create-gateway-app';
import { webAppRoot } from '../src/web-app/web-app';

describe('gateway', () => {
  const closedPort = 'http://127.0.0.1:9';
  let upstream: Server;
  let upstreamUrl = '';
  const gateways: NestFastifyApplication[] = [];

  async function startGateway(overrides: Record<string, string> = {}): Promise<string> {
    const env = loadConfig(GatewayEnv, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      ACCOUNTS_URL: upstreamUrl,
      IDENTITY_URL: closedPort,
      EXAM_URL: closedPort,
      PAYMENTS_URL: closedPort,
      AUDIT_URL: closedPort,
      BODY_LIMIT_BYTES: '2048',
      ...overrides,
    });
    const app = await createGatewayApp(env);
    gateways.push(app);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    if (typeof address !== 'object' || address === null) throw new Error('gateway did not bind');
    return `http://127.0.0.1:${address.port}`;
  }

  /** A stand-in upstream that answers like a service does: 404 with the shared error body. */
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      const correlationId = String(req.headers['x-request-id'] ?? '');
      res.writeHead(404, {
        'content-type': 'application/json',
        'x-request-id': correlationId,
        'x-seen-forwarded-for': String(req.headers['x-forwarded-for'] ?? ''),
      });
      res.end(
        JSON.stringify({
          statusCode: 404,
          code: 'REQUEST.NOT_FOUND',
          message: `No route ${req.url ?? ''}`,
          correlationId,
        }),
      );
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    if (typeof address !== 'object' || address === null) throw new Error('upstream did not bind');
    upstreamUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await Promise.allSettled(gateways.map((g) => g.close()));
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('should proxy /api/<service> to that service and keep the caller trace id', async () => {
    const gateway = await startGateway();
    const response = await request(gateway)
      .get('/api/accounts/no-such-route')
      .set('x-request-id', 'trace-gateway-0001')
      .expect(404);
    expect(response.headers['x-request-id']).toBe('trace-gateway-0001');
    expect(response.body).toMatchObject({
      statusCode: 404,
      code: 'REQUEST.NOT_FOUND',
      correlationId: 'trace-gateway-0001',
    });
  });

  it('should overwrite a client-supplied X-Forwarded-For with the address it saw', async () => {
    const gateway = await startGateway();
    const response = await request(gateway)
      .get('/api/accounts/who')
      .set('x-forwarded-for', '203.0.113.9')
      .expect(404);
    expect(response.headers['x-seen-forwarded-for']).toBe('127.0.0.1');
  });

  it.each([
    ['a hop count', '1'],
    ['the proxy network', '127.0.0.0/8'],
  ])(
    'should take the client address from the trusted hop only when trusting %s, never a spoofed entry before it',
    async (_what, trust) => {
      const gateway = await startGateway({ TRUST_PROXY: trust });
      // The client wrote 203.0.113.9; the one proxy in front (here: the test, on 127.0.0.1) appended the
      // address it saw, 198.51.100.7.
      const response = await request(gateway)
        .get('/api/accounts/who')
        .set('x-forwarded-for', '203.0.113.9, 198.51.100.7')
        .expect(404);
      expect(response.headers['x-seen-forwarded-for']).toBe('198.51.100.7');
    },
  );

  it('should ignore X-Forwarded-For from a peer outside the trusted proxy network', async () => {
    const gateway = await startGateway({ TRUST_PROXY: '10.0.0.0/8' });
    const response = await request(gateway)
      .get('/api/accounts/who')
      .set('x-forwarded-for', '203.0.113.9, 198.51.100.7')
      .expect(404);
    expect(response.headers['x-seen-forwarded-for']).toBe('127.0.0.1');
  });

  it('should add security headers', async () => {
    const gateway = await startGateway();
    const response = await request(gateway).get('/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('should refuse a body over the size limit with 413', async () => {
    const gateway = await startGateway();
    const response = await request(gateway)
      .post('/api/accounts/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(4096) }))
      .expect(413);
    expect((response.body as { code: string }).code).toBe('REQUEST.TOO_LARGE');
  });

  it('should serve the web app (index.html for deep links, hashed assets kept a year) and report each upstream state', async () => {
    expect(webAppRoot()).toBeDefined(); // built by `npm run build:web` (npm test builds it before these tests)
    const gateway = await startGateway();
    const page = await request(gateway).get('/').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<div id="root">');
    const deepLink = await request(gateway)
      .get('/my/exams/42?tab=results')
      .set('accept', 'text/html,application/xhtml+xml')
      .expect(200);
    expect(deepLink.text).toBe(page.text);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const asset = await request(gateway)
      .get(script ?? '')
      .expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const compressed = await request(gateway)
      .get(script ?? '')
      .set('accept-encoding', 'gzip, deflate, br')
      .expect(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(Number(compressed.headers['content-length'])).toBeLessThan(
      Number(asset.headers['content-length']),
    );
    const unknownApi = await request(gateway).get('/api/nothing-here').set('accept', 'text/html').expect(404);
    expect((unknownApi.body as { code: string }).code).toBe('REQUEST.NOT_FOUND');
    await request(gateway).get('/assets/missing.js').expect(404);
    const states = await request(gateway).get('/health/services').expect(200);
    expect(states.body).toEqual({
      accounts: 'not_ready',
      identity: 'unreachable',
      exam: 'unreachable',
      payments: 'unreachable',
      audit: 'unreachable',
    });
  });

  it('should answer 502 with a clear code when a service is down', async () => {
    const gateway = await startGateway();
    const response = await request(gateway).get('/api/payments/orders').expect(502);
    expect(response.body).toMatchObject({ code: 'GATEWAY.UPSTREAM_UNAVAILABLE' });
  });

  it('should serve the interactive API reference from local files its CSP allows, listing every document', async () => {
    const gateway = await startGateway();
    const page = await request(gateway).get('/api/docs').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    const html = page.text;
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|\son\w+=|https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.startsWith('/api/docs/')).toBe(true);
      await request(gateway).get(asset).expect(200);
    }
    const script = (await request(gateway).get('/api/docs/api-docs.js').expect(200)).text;
    for (const service of ['accounts', 'identity', 'exam', 'payments', 'audit', 'gateway'])
      expect(script).toContain(`/api/${service}/openapi.json`);
    // Only the UI's assets: swagger-ui-dist's own page and initializer (pointing at a demo API) stay hidden.
    await request(gateway).get('/api/docs/swagger-initializer.js').expect(404);
    await request(gateway).get('/api/docs/index.html').expect(404);
  });

  it('should serve its own OpenAPI document as checked in under docs/api', async () => {
    const gateway = await startGateway();
    const response = await request(gateway).get('/api/gateway/openapi.json').expect(200);
    const checkedIn: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'docs', 'api', 'gateway.openapi.json'), 'utf8'),
    );
    expect(response.body).toEqual(checkedIn);
  });

  it('should share per-IP rate limits across replicas through Redis', async () => {
    const shared = {
      RATE_LIMIT_PER_MINUTE: '4',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_NAMESPACE: `gw-test-${testEnv().runId}-${randomBytes(3).toString('hex')}:`,
    };
    const first = await startGateway(shared);
    const second = await startGateway(shared);
    for (const gateway of [first, second, first, second]) {
      await request(gateway).get('/api/accounts/ping').expect(404);
    }
    const limited = await request(first).get('/api/accounts/ping').expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'REQUEST.RATE_LIMITED' });
    expect((limited.body as { message: string }).message).toMatch(/try again in \d+ s/);
    await request(second).get('/health/live').expect(200);
  });
  it('should count signed-in candidates behind one address per account, and everything else per address', async () => {
    const gateway = await startGateway({
      RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '4',
      JWT_PUBLIC_KEYS: testJwtPublicKeys(),
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_NAMESPACE: `gw-test-${testEnv().runId}-${randomBytes(3).toString('hex')}:`,
    });
    // Starting an attempt: the gateway counts it (the exam room's own routes are exam's to count).
    const save = (token?: string) => {
      const call = request(gateway).post('/api/exam/exams/e/attempts');
      return token === undefined ? call : call.set('authorization', `Bearer ${token}`);
    };
    // An exam centre: 30 candidates on one address, each within its own budget, 120 requests in all —
    // forty times what the address alone may send.
    const candidates = Array.from({ length: 30 }, () => issueTestToken());
    for (let round = 0; round < 4; round += 1) {
      const statuses = await Promise.all(candidates.map(async (token) => (await save(token)).status));
      expect(statuses.every((status) => status === 502)).toBe(true);
    }

    const overBudget = await save(candidates[0]).expect(429);
    expect(overBudget.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
    expect((overBudget.body as { message: string }).message).toMatch(/from your account/);
    await save(issueTestToken()).expect(502);

    // Anonymous requests, and made-up or expired tokens, spend the address's budget.
    await save().expect(502);
    await save(issueTestToken({ signedBy: 'untrusted' })).expect(502);
    await save(issueTestToken({ expiresInSeconds: -10 })).expect(502);
    const anonymous = await save(issueTestToken({ signedBy: 'untrusted' })).expect(429);
    expect((anonymous.body as { message: string }).message).toMatch(/from your address/);
  });

  it('should leave the exam room uncounted, exam counts it, but count any other spelling of its paths', async () => {
    const gateway = await startGateway({
      RATE_LIMIT_PER_MINUTE: '2',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_NAMESPACE: `gw-test-${testEnv().runId}-${randomBytes(3).toString('hex')}:`,
    });
    const room = ['/api/exam/attempts/a', '/api/exam/attempts/a/paper', '/api/exam/attempts/a/answers/q'];
    for (let round = 0; round < 3; round += 1)
      for (const path of room) await request(gateway).get(path).expect(502);
    // Encoded or dotted spellings are not the room's plain paths: the gateway counts them like anything else.
    await request(gateway).get('/api/exam/%61ttempts/a').expect(502);
    await request(gateway).get('/api/exam/attempts/a/%70aper').expect(502);
    await request(gateway).get('/api/exam/attempts/a/paper').expect(502);
    const limited = await request(gateway).get('/api/exam/exams/e').expect(429);
    expect((limited.body as { message: string }).message).toMatch(/from your address/);
  });
});
