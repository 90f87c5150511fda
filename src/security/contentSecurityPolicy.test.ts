import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './contentSecurityPolicy.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(contentSecurityPolicy());

  it('runs only the app’s own scripts: no inline script, no eval, WebAssembly allowed', () => {
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it('workers only from the app itself; no plugins, frames, foreign forms or <base>', () => {
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
  });

  it('lets fetch reach the InvenTree server the user configures later (any http/https origin) and nothing else broad', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);
    for (const [name, values] of csp) {
      if (name !== 'connect-src' && name !== 'img-src') expect(values).not.toContain('https:');
    }
  });

  it('narrows to known servers when given', () => {
    const narrow = directives(contentSecurityPolicy({ servers: ['https://inventree.example.com/some/path'] }));
    expect(narrow.get('connect-src')).toEqual(["'self'", 'https://inventree.example.com']);
    expect(narrow.get('img-src')).toContain('https://inventree.example.com');
    expect(narrow.get('img-src')).not.toContain('https:');
  });

  it('frame-ancestors only in the header (a <meta> policy ignores it)', () => {
    expect(csp.has('frame-ancestors')).toBe(false);
    expect(directives(securityHeaders()['Content-Security-Policy']!).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
