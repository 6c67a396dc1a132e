import Fastify, { type FastifyInstance } from 'fastify';

import { alipayPaymentCallback, registerAlipayRoutes } from './alipay-routes';
import type { PaySimEnv } from './config/pay-sim.env';
import { payPage } from './pay-page';
import { dispatch, type SimContext, type SimKeys } from './sim-context';
import { privateKeyOrGenerate, publicKeyOrNone, randomToken } from './sim-crypto';
import { DEFAULT_CONTROL, type Delivery, send, type SimControl, SimState } from './sim-state';
import { registerStatementRoutes } from './statement-routes';
import { registerWechatRoutes, wechatPaymentCallback } from './wechat-routes';

export interface PaySimOptions {
  readonly now?: () => Date;
}

export function simKeysFrom(env: PaySimEnv): SimKeys {
  return {
    wechatPlatform: privateKeyOrGenerate(env.WECHATPAY_PLATFORM_PRIVATE_KEY),
    wechatMerchant: publicKeyOrNone(env.WECHATPAY_MERCHANT_PUBLIC_KEY),
    alipay: privateKeyOrGenerate(env.ALIPAY_PRIVATE_KEY),
    alipayApp: publicKeyOrNone(env.ALIPAY_APP_PUBLIC_KEY),
  };
}

function controlFrom(body: unknown): SimControl | string {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const input = body as Record<string, unknown>;
  const control: SimControl = { ...DEFAULT_CONTROL };
  for (const [name, value] of Object.entries(input)) {
    if (!Object.hasOwn(DEFAULT_CONTROL, name)) return `unknown setting ${name.slice(0, 40)}`;
    const expected = typeof DEFAULT_CONTROL[name as keyof SimControl];
    if (typeof value !== expected || (typeof value === 'number' && !Number.isSafeInteger(value)))
      return `${name} must be ${expected === 'number' ? 'an integer' : expected}`;
    Object.assign(control, { [name]: value });
  }
  if (control.duplicates < 0 || control.duplicates > 5) return 'duplicates must be 0 to 5';
  return control;
}

const view = (d: Delivery): object => ({
  id: d.id,
  provider: d.provider,
  kind: d.kind,
  outTradeNo: d.outTradeNo,
  status: d.status ?? null,
  response: d.response ?? null,
  error: d.error ?? null,
  sentAt: d.sentAt ?? null,
});

/**
 * WeChat Pay v3 and Alipay as a local provider (see CONTRACT.md): merchant signatures verified, answers and
 * callbacks signed with keys generated at start (or given by env), a pay page per trade, and a control API
 * that makes callbacks duplicate, late, reordered, stale, wrongly priced or forged on demand.
 */
export function buildPaySimServer(
  env: PaySimEnv,
  options: PaySimOptions = {},
): { app: FastifyInstance; ctx: SimContext } {
  const ctx: SimContext = {
    env,
    keys: simKeysFrom(env),
    state: new SimState(),
    now: options.now ?? ((): Date => new Date()),
  };
  const app = Fastify({ logger: env.LOG_LEVEL === 'debug', bodyLimit: 256 * 1024 });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    (request as { rawBody?: string }).rawBody = body as string;
    try {
      done(null, body === '' ? undefined : (JSON.parse(body as string) as unknown));
    } catch {
      done(Object.assign(new Error('body is not JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  registerWechatRoutes(app, ctx);
  registerAlipayRoutes(app, ctx);
  registerStatementRoutes(app, ctx);

  app.get('/health/live', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/health/ready', (_request, reply) => reply.send({ status: 'ok' }));

  app.get('/pay/:token', (request, reply) => {
    const trade = ctx.state.byToken.get((request.params as { token: string }).token);
    if (trade === undefined) return reply.status(404).send({ error: 'not_found', message: 'no such trade' });
    return reply.header('content-type', 'text/html; charset=utf-8').send(payPage(trade));
  });

  app.post('/pay/:token/confirm', async (request, reply) => {
    const trade = ctx.state.byToken.get((request.params as { token: string }).token);
    if (trade === undefined) return reply.status(404).send({ error: 'not_found', message: 'no such trade' });
    if (trade.status !== 'NOTPAY')
      return reply.status(409).send({ error: 'not_payable', message: `trade is ${trade.status}` });
    if (trade.expiresAt !== undefined && ctx.now() >= trade.expiresAt) {
      trade.status = 'CLOSED';
      return reply.status(409).send({ error: 'expired', message: 'the trade passed its time_expire' });
    }
    trade.status = 'SUCCESS';
    trade.paidAt = ctx.now();
    trade.transactionId = `${trade.provider === 'wechat' ? '4200' : '2026'}${randomToken(12)}`;
    const build = trade.provider === 'wechat' ? wechatPaymentCallback(ctx) : alipayPaymentCallback(ctx);
    const deliveries = await dispatch(ctx, trade, build);
    return { status: 'paid', transactionId: trade.transactionId, deliveries: deliveries.map(view) };
  });

  app.post('/sim/control', (request, reply) => {
    const control = controlFrom(request.body);
    if (typeof control === 'string') return reply.status(400).send({ error: 'invalid', message: control });
    ctx.state.control = control;
    return reply.send(control);
  });

  app.post('/sim/reset', (_request, reply) => {
    ctx.state.control = { ...DEFAULT_CONTROL };
    ctx.state.held = [];
    return reply.send(ctx.state.control);
  });

  app.post('/sim/release', async (request) => {
    const reverse = (request.body as { reverse?: unknown } | undefined)?.reverse === true;
    const held = reverse ? [...ctx.state.held].reverse() : ctx.state.held;
    ctx.state.held = [];
    for (const delivery of held) await send(delivery, ctx.now);
    return { released: held.map(view) };
  });

  app.get('/sim/deliveries', (_request, reply) => reply.send({ items: ctx.state.deliveries.map(view) }));

  app.post('/sim/deliveries/:id/replay', async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    const original = ctx.state.deliveries.find((d) => d.id === id);
    if (original === undefined)
      return reply.status(404).send({ error: 'not_found', message: 'no such delivery' });
    const { id: _id, status: _s, response: _r, error: _e, sentAt: _t, ...bytes } = original;
    return view(await send(ctx.state.record(bytes), ctx.now));
  });

  app.get('/sim/keys', (_request, reply) =>
    reply.send({
      wechat: {
        platformSerial: env.WECHATPAY_PLATFORM_SERIAL,
        platformPublicKey: ctx.keys.wechatPlatform.publicKeyPem,
      },
      alipay: { publicKey: ctx.keys.alipay.publicKeyPem },
    }),
  );

  return { app, ctx };
}
