import { createServer, type Server } from 'node:http';

import { loadConfig } from '@exam/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { GatewayEnv } from '../src/config/gateway.env';
import { createGatewayApp } from '../src/create-gateway-app';

/** `/health/services` lists the authority simulator only where it is configured (development). */
describe('gateway /health/services and the authority simulator', () => {
  const closedPort = 'http://127.0.0.1:9';
  let ready: Server;
  let readyUrl = '';
  const gateways: NestFastifyApplication[] = [];

  async function startGateway(overrides: Record<string, string> = {}): Promise<string> {
    const env = loadConfig(GatewayEnv, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      ACCOUNTS_URL: readyUrl,
      IDENTITY_URL: closedPort,
      EXAM_URL: closedPort,
      PAYMENTS_URL: closedPort,
      AUDIT_URL: closedPort,
      ...overrides,
    });
    const app = await createGatewayApp(env);
    gateways.push(app);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    if (typeof address !== 'object' || address === null) throw new Error('gateway did not bind');
    return `http://127.0.0.1:${address.port}`;
  }

  beforeAll(async () => {
    ready = createServer((req, res) => {
      res.writeHead(req.url === '/health/ready' ? 200 : 404, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => ready.listen(0, '127.0.0.1', resolve));
    const address = ready.address();
    if (typeof address !== 'object' || address === null) throw new Error('stand-in did not bind');
    readyUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    for (const app of gateways) await app.close();
    await new Promise<void>((resolve) =>
      ready.close(() => {
        resolve();
      }),
    );
  });

  it('should report the authority simulator when AUTHORITY_SIM_URL is set', async () => {
    const gateway = await startGateway({ AUTHORITY_SIM_URL: readyUrl });
    const states = await request(gateway).get('/health/services').expect(200);
    expect(states.body).toEqual({
      accounts: 'ready',
      identity: 'unreachable',
      exam: 'unreachable',
      payments: 'unreachable',
      audit: 'unreachable',
      'authority-sim': 'ready',
    });
  });

  it('should say when the configured simulator is down', async () => {
    const gateway = await startGateway({ AUTHORITY_SIM_URL: closedPort });
    const states = await request(gateway).get('/health/services').expect(200);
    expect((states.body as Record<string, string>)['authority-sim']).toBe('unreachable');
  });

  it('should leave the simulator out where it is not configured (production)', async () => {
    const gateway = await startGateway();
    const states = await request(gateway).get('/health/services').expect(200);
    expect(Object.keys(states.body as object).sort()).toEqual([
      'accounts',
      'audit',
      'exam',
      'identity',
      'payments',
    ]);
  });

  it('should refuse a simulator address that is not an http(s) URL', () => {
    expect(() => loadConfig(GatewayEnv, { AUTHORITY_SIM_URL: 'localhost:3100' })).toThrow(
      /AUTHORITY_SIM_URL/,
    );
  });
});
