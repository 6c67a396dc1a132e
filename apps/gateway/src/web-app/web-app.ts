import { existsSync } from 'node:fs';
import { join } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** apps/web/dist (built by `npm run build:web`), found both from sources (ts) and from the compiled dist tree. */
export function webAppRoot(): string | undefined {
  const candidates = [
    join(__dirname, '..', '..', '..', 'web', 'dist'),
    join(__dirname, '..', '..', '..', '..', '..', 'apps', 'web', 'dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app. Files under /assets carry a content hash in their names, so browsers keep them for
 * a year; index.html is revalidated on every load, so a deployment reaches everyone at their next page load.
 */
export async function registerWebApp(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    // The build writes .br and .gz beside each text asset (apps/web/vite-precompress.ts).
    preCompressed: true,
    setHeaders: (response, path) => {
      void response.header('cache-control', path.includes(join('assets', '')) ? IMMUTABLE : 'no-cache');
    },
  });
}
