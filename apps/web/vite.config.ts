import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const PROXY = { '/api': gateway, '/health': gateway };

/**
 * The candidate portal and consoles: a single-page app built into apps/web/dist, which the gateway serves
 * (with index.html for every non-API path). `npm run dev:web` serves it with hot reload and sends /api and
 * /health to a running gateway (npm run start:local; GATEWAY_URL to point elsewhere).
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
  server: { port: 5173, proxy: PROXY },
  // `vite preview --port N` serves a build beside the gateway (a worktree's build, say) with the same proxy.
  preview: { port: 4173, proxy: PROXY },
});
