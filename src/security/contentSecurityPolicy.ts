/**
 * The app's Content-Security-Policy, in one place: vite.config.ts sends it as a header from
 * `vite preview` and writes it into the built index.html as a <meta> tag, so any static host
 * serving dist/ enforces it too. (Not in `npm start`: the dev server's React refresh needs an
 * inline script.)
 *
 * Why each part:
 * - script-src 'self' 'wasm-unsafe-eval': the app's own modules only, no inline script, no eval;
 *   WebAssembly compilation for the zxing-wasm decoder (the .wasm file is served by the app).
 * - worker-src 'self': the decode Web Worker and the demo's service worker (mockServiceWorker.js)
 *   are files of the app; nothing runs from blob: or data: URLs.
 * - connect-src 'self' http: https:: the InvenTree server is whatever address the user types in
 *   Settings, long after this policy was delivered, so it cannot be listed. Any http(s) origin is
 *   allowed for fetch (the browser's CORS rules and the token still decide what answers are read);
 *   every other kind of load stays tight. Serving StockScan for a single known server, narrow
 *   this to that origin (`contentSecurityPolicy({ servers: ['https://inventree.example.com'] })`).
 * - img-src adds http:/https: for part pictures on that same server, data:/blob: for generated
 *   barcodes and downloads.
 * - style-src 'unsafe-inline': Mantine writes its CSS variables into a <style> element at runtime
 *   and components use style attributes; styles cannot run code.
 * - object-src 'none', base-uri 'self', form-action 'self': no plugins, no <base> hijack, forms
 *   post nowhere else. frame-ancestors 'none' (header only; a <meta> policy cannot carry it).
 */
export interface CspOptions {
  /** InvenTree origins to allow instead of any http(s) origin. */
  servers?: string[];
  /** For the HTTP header: add directives a <meta> tag cannot carry. */
  header?: boolean;
}

export function contentSecurityPolicy({ servers, header = false }: CspOptions = {}): string {
  const remote = servers && servers.length > 0 ? servers.map((s) => new URL(s).origin) : ['http:', 'https:'];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['worker-src', ["'self'"]],
    ['connect-src', ["'self'", ...remote]],
    ['img-src', ["'self'", 'data:', 'blob:', ...remote]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['font-src', ["'self'", 'data:']],
    ['media-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  if (header) directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** Further response headers for `vite preview` (and a template for any production server). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ header: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  };
}
