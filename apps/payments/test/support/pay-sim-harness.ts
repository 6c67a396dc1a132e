import { generateKeyPairSync, randomBytes } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { loadPaySimEnv } from '../../../pay-sim/src/config/pay-sim.env';
import { buildPaySimServer } from '../../../pay-sim/src/pay-sim-server';

/** One set of provider keys for a test run: both sides get their halves, as the start command does. */
export interface ProviderTestKeys {
  readonly merchantPrivate: string;
  readonly merchantPublic: string;
  readonly platformPrivate: string;
  readonly platformPublic: string;
  readonly alipayAppPrivate: string;
  readonly alipayAppPublic: string;
  readonly alipayPrivate: string;
  readonly alipayPublic: string;
  readonly apiV3Key: string;
}

function rsaPair(): { privatePem: string; publicPem: string } {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function providerTestKeys(): ProviderTestKeys {
  const merchant = rsaPair();
  const platform = rsaPair();
  const app = rsaPair();
  const alipay = rsaPair();
  return {
    merchantPrivate: merchant.privatePem,
    merchantPublic: merchant.publicPem,
    platformPrivate: platform.privatePem,
    platformPublic: platform.publicPem,
    alipayAppPrivate: app.privatePem,
    alipayAppPublic: app.publicPem,
    alipayPrivate: alipay.privatePem,
    alipayPublic: alipay.publicPem,
    apiV3Key: randomBytes(24).toString('base64url').slice(0, 32),
  };
}

export interface RunningPaySim {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The provider simulator in-process on a free port, with the run's keys. */
export async function startPaySim(keys: ProviderTestKeys): Promise<RunningPaySim> {
  const env = loadPaySimEnv({
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    LOG_LEVEL: 'error',
    WECHATPAY_MERCHANT_PUBLIC_KEY: keys.merchantPublic,
    WECHATPAY_PLATFORM_PRIVATE_KEY: keys.platformPrivate,
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    ALIPAY_APP_PUBLIC_KEY: keys.alipayAppPublic,
    ALIPAY_PRIVATE_KEY: keys.alipayPrivate,
  });
  const { app } = buildPaySimServer(env);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  env.PAYSIM_PUBLIC_URL = address;
  return { url: address, app, close: () => app.close() };
}

/** What the payments service needs to talk to that simulator. */
export function paymentsProviderEnv(keys: ProviderTestKeys, simUrl: string): Record<string, string> {
  return {
    WECHATPAY_BASE_URL: simUrl,
    WECHATPAY_MERCHANT_PRIVATE_KEY: keys.merchantPrivate,
    WECHATPAY_PLATFORM_PUBLIC_KEY: keys.platformPublic,
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    ALIPAY_GATEWAY_URL: `${simUrl}/gateway.do`,
    ALIPAY_APP_PRIVATE_KEY: keys.alipayAppPrivate,
    ALIPAY_PUBLIC_KEY: keys.alipayPublic,
    PAYMENTS_JOB_INTERVAL_SECONDS: '1',
  };
}
