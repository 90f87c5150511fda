/**
 * Put the barcode text under a 2-D symbol in SVG (bwip-js prints text only for linear codes).
 * Pure string work; the text is XML-escaped because barcode data is arbitrary.
 */

export function escapeXml(s: string): string {
  return (
    s
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
      // Control characters (GS/RS of supplier data) are not allowed in XML 1.0.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\u2400')
  );
}

function dimension(svg: string, name: 'width' | 'height'): number | null {
  const m = new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)`).exec(svg);
  if (m) return Number(m[1]);
  const box = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) return null;
  return Number(name === 'width' ? box[1] : box[2]);
}

/** Wrap `svg` in a taller SVG with `text` centred under it (monospace, wrapped). */
export function withCaption(svg: string, text: string): string {
  const w = dimension(svg, 'width');
  const h = dimension(svg, 'height');
  if (w === null || h === null) return svg;
  const font = Math.max(8, Math.round(w / 14));
  const perLine = Math.max(8, Math.floor((w * 1.6) / font));
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += perLine) lines.push(text.slice(i, i + perLine));
  const lineH = font * 1.25;
  const total = h + lines.length * lineH + font * 0.5;
  // The nested symbol keeps its own size; without one it would stretch over the whole caption box.
  const inner = svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<svg(?![^>]*\swidth=)/, `<svg x="0" y="0" width="${w}" height="${h}"`);
  const tspans = lines
    .map((l, i) => `<tspan x="${w / 2}" dy="${i === 0 ? 0 : lineH}">${escapeXml(l)}</tspan>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${total}" viewBox="0 0 ${w} ${total}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    inner +
    `<text x="${w / 2}" y="${h + font}" font-family="monospace" font-size="${font}" text-anchor="middle" fill="#000">${tspans}</text>` +
    `</svg>`
  );
}
