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

export default defineConfig({
  root: here,
  base: '/ui/',
  plugins: [react()],
  resolve: {
    // The workspace's path mapping (tsconfig.base.json) for the one lib the console uses.
    alias: { '@base-shift/client': path.join(root, 'libs/client/src/index.ts') },
  },
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
