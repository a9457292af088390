/**
 * The Selfcare web app's build: served by the API at /app/ from .build/web/ (api/web-app.ts).
 * `npm run web:dev` serves it with hot reload and sends /v1 to the API (WEB_API_URL, default
 * http://localhost:3000). JSX is compiled by Vite's own transformer (automatic runtime).
 */
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(import.meta.dirname, '..', '.build', 'web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    fs: { allow: [path.resolve(import.meta.dirname, '..')] },
    proxy: { '/v1': process.env.WEB_API_URL ?? 'http://localhost:3000' },
  },
});
