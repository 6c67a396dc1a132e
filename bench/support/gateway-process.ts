import { loadGatewayEnv } from '../../apps/gateway/src/config/gateway.env';
import { createGatewayApp } from '../../apps/gateway/src/create-gateway-app';

/** The gateway as its own process (as deployed), configured from the environment; reports its port over IPC. */
async function main(): Promise<void> {
  const app = await createGatewayApp(loadGatewayEnv());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (typeof address === 'object' && address !== null) process.send?.({ port: address.port });
  // A clean exit on request, so a --cpu-prof profile gets written.
  process.on('message', (message) => {
    if (message === 'exit') void app.close().finally(() => process.exit(0));
  });
  // The bench went away (a crash): do not outlive it.
  process.on('disconnect', () => process.exit(0));
}

void main();
