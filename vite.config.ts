import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const apiTarget = process.env.FLOWDECK_API ?? 'http://127.0.0.1:8090';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    // In development the console runs on Vite and the API on the local server.
    proxy: { '/api': apiTarget },
  },
  build: {
    sourcemap: true,
    // In KB of minified JS. The largest chunks are the entry (about 490 KB) and the lazy
    // CodeMirror chunk of the YAML editors (about 440 KB), so a build warns when either grows past
    // this limit.
    chunkSizeWarningLimit: 700,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup.ts'],
          // Typing into Mantine forms under jsdom takes seconds on a busy 2-core machine.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
