// The console: static files the control plane serves at /ui (same origin), built
// with Vite and @vitejs/plugin-react (not @nx/react, whose peer ranges clash
// with the workspace's Express 5). Vitest reads the `test` block.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './vitest-summary-reporter.mts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

// `vite` / `vite preview` during development: the API paths go to a running
// control plane (CONSOLE_API_URL, default http://127.0.0.1:3000) so the console
// stays same-origin as it is when the control plane serves it.
const apiUrl = process.env['CONSOLE_API_URL'] ?? 'http://127.0.0.1:3000';
const proxy = Object.fromEntries(
  ['/workflows', '/templates', '/pools', '/graphql', '/api-keys', '/audit', '/ui/config.json'].map((prefix) => [prefix, { target: apiUrl }]),
);

export default defineConfig({
  root: here,
  base: '/ui/',
  plugins: [react()],
  resolve: {
    // The workspace's path mapping (tsconfig.base.json) for the one lib the console uses.
    alias: { '@base-shift/client': path.join(root, 'libs/client/src/index.ts') },
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: path.join(root, 'dist/apps/console'),
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    reporters: ['default', new SummaryReporter(root, 'apps_console')],
  },
});
