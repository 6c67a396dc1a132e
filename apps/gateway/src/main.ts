import { ConfigValidationError } from '@exam/platform';
import { Logger } from '@nestjs/common';

import { loadGatewayEnv } from './config/gateway.env';
import { createGatewayApp } from './create-gateway-app';

async function main(): Promise<void> {
  try {
    const env = loadGatewayEnv();
    const app = await createGatewayApp(env);
    await app.listen(env.HTTP_PORT, env.LISTEN_HOST);
    new Logger('Bootstrap').log(`gateway listening on ${env.LISTEN_HOST}:${env.HTTP_PORT}`);
  } catch (error: unknown) {
    process.stderr.write(
      `[gateway] ${error instanceof ConfigValidationError ? error.message : `failed to start: ${String(error)}`}\n`,
    );
    process.exit(1);
  }
}

void main();
