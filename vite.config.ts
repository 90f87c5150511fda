/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { appShellPlugin } from './src/app/pwa/appShellPlugin.ts';

// Dev proxy for real servers without CORS: VITE_PROXY_TARGET=https://inventree.example.com npm start,
// then choose "server" with URL = this app's own origin.
const proxyTarget = process.env.VITE_PROXY_TARGET;

export default defineConfig({
  plugins: [react(), appShellPlugin()],
  server: proxyTarget
    ? { proxy: { '/api': { target: proxyTarget, changeOrigin: true, secure: true } } }
    : undefined,
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 3000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000,
  },
});
