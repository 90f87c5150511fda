import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds e2e/bench/bench.html: a page that drives the app's own scanner code
// (src/scanner) so the benchmark measures exactly what the app ships.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../.out/bench-dist', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./bench.html', import.meta.url)) },
  },
});
