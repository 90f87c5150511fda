/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { appShellPlugin } from './src/app/pwa/appShellPlugin.ts';
import { contentSecurityPolicy, securityHeaders } from './src/security/contentSecurityPolicy.ts';

// The Content-Security-Policy travels inside the built index.html (first thing in <head>), so every
// static host enforces it; the dev server goes without (React refresh needs an inline script).
function cspMeta(): Plugin {
  return {
    name: 'stockscan-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

// Dev proxy for real servers without CORS: VITE_PROXY_TARGET=https://inventree.example.com npm start,
// then choose "server" with URL = this app's own origin.
const proxyTarget = process.env.VITE_PROXY_TARGET;

export default defineConfig({
  plugins: [react(), cspMeta(), appShellPlugin()],
  server: proxyTarget ? { proxy: { '/api': { target: proxyTarget, changeOrigin: true, secure: true } } } : undefined,
  // The same policy as a header (plus frame-ancestors, which a <meta> cannot carry).
  preview: { headers: securityHeaders() },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 3000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Every test runs in English with all catalogues loaded (src/i18n/testing/setup.ts).
    setupFiles: ['src/i18n/testing/setup.ts', 'src/ui/testing/jsdomSetup.ts'],
    pool: 'forks',
    testTimeout: 20000,
  },
});
