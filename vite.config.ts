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
    // The editor's elkjs layout engine is one 1.4 MB lazy chunk, loaded only by the editor.
    chunkSizeWarningLimit: 1600,
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
