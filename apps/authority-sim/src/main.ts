import { buildAuthorityServer } from './authority-server';
import { loadAuthoritySimEnv } from './config/authority-sim.env';
import { ReferencePhotos } from './registry/reference-photos';

async function main(): Promise<void> {
  const env = loadAuthoritySimEnv();
  const photos =
    env.AUTHORITY_REFERENCE_PHOTOS_DIR === ''
      ? ReferencePhotos.empty()
      : ReferencePhotos.load(env.AUTHORITY_REFERENCE_PHOTOS_DIR);
  const app = buildAuthorityServer(env, { photos });
  const address = await app.listen({
    port: env.HTTP_PORT,
    host: env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1',
  });
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: 'authority-sim', message: `listening on ${address}; reference photos for ${photos.labels} identity labels` })}\n`,
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
