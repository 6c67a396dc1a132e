import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import { precompress } from './vite-precompress';

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
  plugins: [precompress(`${here}dist`)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps for debugging a report, without the comment that makes every browser fetch them.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 2_000,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: in their own files, a deployment of the app leaves
        // them in the browser's cache (assets are immutable by name).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
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
