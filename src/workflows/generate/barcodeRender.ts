/**
 * Draw a barcode with bwip-js (the maintained port of Barcode Writer in Pure PostScript): SVG for
 * the screen, the print sheet and the SVG download, a canvas for the PNG download. Only the three
 * encoders used are imported, so the rest of bwip-js stays out of the bundle.
 */
import { code128, datamatrix, drawingSVG, qrcode, type RenderOptions } from 'bwip-js/browser';
import { bwipOptions, type Symbology } from './labelSheet.ts';
import { withCaption } from './svgCaption.ts';

const ENCODERS = { qrcode, datamatrix, code128 };

export interface RenderChoice {
  symbology: Symbology;
  text: string;
  /** Print the text under the symbol (Code 128 draws its own; 2-D symbols get a caption). */
  showText: boolean;
}

function options(choice: RenderChoice, scale?: number): RenderOptions {
  return bwipOptions(choice.symbology, choice.text, { showText: choice.showText, scale }) as RenderOptions;
}

/** The symbol as an SVG document, with the text under it when asked. Throws when bwip-js cannot encode. */
export function renderSvg(choice: RenderChoice): string {
  const svg = ENCODERS[choice.symbology](options(choice), drawingSVG());
  return choice.showText && choice.symbology !== 'code128' ? withCaption(svg, choice.text) : svg;
}

/** `data:` URL for an <img>, so the SVG is never injected as markup. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Draw the symbol (and caption) on a fresh canvas at print resolution, for the PNG download. */
export function renderCanvas(choice: RenderChoice, scale = 8): HTMLCanvasElement {
  const symbol = document.createElement('canvas');
  ENCODERS[choice.symbology](symbol, options(choice, scale));
  if (!choice.showText || choice.symbology === 'code128') return symbol;
  const fontPx = Math.max(12, Math.round(symbol.width / 14));
  const lines = wrapText(choice.text, Math.max(8, Math.floor((symbol.width * 1.6) / fontPx)));
  const out = document.createElement('canvas');
  out.width = symbol.width;
  out.height = symbol.height + Math.round(lines.length * fontPx * 1.25 + fontPx * 0.5);
  const ctx = out.getContext('2d');
  if (!ctx) return symbol;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(symbol, 0, 0);
  ctx.fillStyle = '#000';
  ctx.font = `${fontPx}px monospace`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, out.width / 2, symbol.height + fontPx * 0.25 + i * fontPx * 1.25));
  return out;
}

/** Break long barcode text (JSON has few spaces) into lines of at most `width` characters. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.length ? out : [''];
}
