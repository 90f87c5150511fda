// @vitest-environment jsdom
// Property test of barcode display: whatever a label carries (markup, script, NUL and other
// controls, bidi overrides, emoji, very long lines), BarcodeText renders it as text nodes only:
// no element but its own spans/abbr, no event-handler attribute, no raw control or bidi character,
// and the reader sees every character, hidden ones by name.
import { MantineProvider } from '@mantine/core';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { visibleSegments } from '../scanner/visibleText.ts';
import { BarcodeText } from './BarcodeText.tsx';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '<a href="javascript:alert(1)">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '\u202Etxt.exe',
  '\u0000\u0001\u001d\u001e\u0004',
  '👩‍🔧📦❤️',
  '&lt;b&gt;',
];

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.constantFrom(...PAYLOADS),
  fc.array(fc.constantFrom(...PAYLOADS, 'a', ' ', '\n'), { maxLength: 8 }).map((a) => a.join('')),
  fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '/', '=', 'x', '\u202E', '\u0000'), maxLength: 80 }),
);

function render(text: string, maxLength?: number): HTMLElement {
  const html = renderToStaticMarkup(
    <MantineProvider>
      <BarcodeText text={text} maxLength={maxLength} />
    </MantineProvider>,
  );
  // jsdom parses the markup without running scripts; we only inspect what React produced.
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

/** What a reader sees: plain runs as they are, each hidden character as its stand-in (GS, NUL, \u{202E}). */
function shown(text: string): string {
  return visibleSegments(text)
    .map((s) => {
      if (s.kind === 'text') return s.text;
      const head = s.name?.split(/[ ,]/)[0] ?? '';
      return /^[A-Z]{2,4}$/.test(head) ? head : s.text;
    })
    .join('');
}

const BIDI_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/u;

describe('BarcodeText over hostile strings', () => {
  it('renders only text: own span/abbr elements, no handlers, the visible text exactly', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const host = render(text);
        const el = host.querySelector('[data-testid="barcode-text"]')!;
        expect(el).not.toBeNull();
        for (const node of host.querySelectorAll('*')) {
          expect(['SPAN', 'ABBR', 'STYLE']).toContain(node.tagName);
          for (const attr of node.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
        }
        expect(el.textContent).toBe(shown(text));
        expect(BIDI_OR_CONTROL.test(el.textContent ?? '')).toBe(false);
        // The element is isolated from the page direction, so an RTL mark cannot reorder around it.
        expect(el.getAttribute('dir')).toBe('ltr');
      }),
      { numRuns: 200 },
    );
  });

  it('a very long line is cut for display, saying how much is hidden, and stays inert', () => {
    fc.assert(
      fc.property(fc.integer({ min: 601, max: 9000 }), fc.constantFrom(...PAYLOADS), (n, payload) => {
        const text = payload + 'A'.repeat(n);
        const el = render(text).querySelector('[data-testid="barcode-text"]')!;
        // Counted in characters (code points), as the user and InvenTree count them.
        expect(el.textContent).toContain(`(+${([...text].length - 600).toLocaleString('en')} characters)`);
        expect(el.textContent).not.toMatch(/\\u\{D[89A-F]/);
        expect(el.querySelectorAll('img,script,svg,a,iframe').length).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
