import { describe, expect, it } from 'vitest';
import { escapeXml, withCaption } from './svgCaption.ts';

describe('svg caption', () => {
  it('escapes markup and control characters', () => {
    expect(escapeXml('{"a": "<b>&\'"}')).toBe('{&quot;a&quot;: &quot;&lt;b&gt;&amp;&apos;&quot;}');
    expect(escapeXml('A\u001dB')).toBe('A\u2400B');
  });

  it('adds the text under the symbol and grows the height', () => {
    const svg =
      '<svg viewBox="0 0 100 100" width="100" height="100" xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>';
    const out = withCaption(svg, '{"stockitem": 231}');
    expect(out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100" height="(\d+(\.\d+)?)"/);
    const height = Number(/height="([\d.]+)"/.exec(out)![1]);
    expect(height).toBeGreaterThan(100);
    expect(out).toContain('{&quot;stockitem&quot;: 231}');
    expect(out).toContain('<path d="M0 0"/>');
  });

  it('gives a bwip-js symbol (viewBox only) its size inside the caption box', () => {
    const out = withCaption(
      '<svg viewBox="0 0 84 84" xmlns="http://www.w3.org/2000/svg">\n<path d="M0 84"/></svg>',
      'abc',
    );
    expect(out).toContain('<svg x="0" y="0" width="84" height="84" viewBox="0 0 84 84"');
  });

  it('leaves an SVG without size alone', () => {
    expect(withCaption('<svg/>', 'x')).toBe('<svg/>');
  });
});
