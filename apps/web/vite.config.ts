import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The candidate portal and consoles: a single-page app built into apps/web/dist, which the gateway serves
 * (with index.html for every non-API path). `npm run dev:web` serves it with hot reload and sends /api and
 * /health to a running gateway (npm run start:local).
 */
export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2_000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; a client bundle has nothing to keep.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
    },
  },
});
