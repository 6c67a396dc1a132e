import { loadPaySimEnv } from './config/pay-sim.env';
import { buildPaySimServer } from './pay-sim-server';

async function main(): Promise<void> {
  const env = loadPaySimEnv();
  const { app, ctx } = buildPaySimServer(env);
  const address = await app.listen({
    port: env.HTTP_PORT,
    host: env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1',
  });
  const generated = [
    env.WECHATPAY_PLATFORM_PRIVATE_KEY === '' ? 'WeChat Pay platform key' : '',
    env.ALIPAY_PRIVATE_KEY === '' ? 'Alipay key' : '',
  ].filter((name) => name !== '');
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      service: 'pay-sim',
      message: `listening on ${address}; ${generated.length === 0 ? 'keys from env' : `generated at start: ${generated.join(', ')} (public halves at GET /sim/keys)`}`,
      merchantKeys: {
        wechat: ctx.keys.wechatMerchant !== undefined,
        alipay: ctx.keys.alipayApp !== undefined,
      },
    })}\n`,
  );
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
