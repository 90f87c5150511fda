/**
 * What can be drawn for a barcode text, and how labels are laid out on printed pages.
 * Pure: the page renders with bwip-js and prints with a print stylesheet built from `sheetCss`.
 */

export type Symbology = 'qrcode' | 'datamatrix' | 'code128';

/**
 * Code 128 grows about 11 modules per character; beyond this a label-sized bar code gets too thin
 * for phone cameras to read, so only 2-D codes are offered.
 */
export const CODE128_MAX_CHARS = 24;

/** Code 128 (code set B, as bwip-js encodes plain text) carries printable ASCII only. */
export function code128Fits(text: string): boolean {
  return text.length > 0 && text.length <= CODE128_MAX_CHARS && /^[\x20-\x7e]+$/.test(text);
}

/** The symbologies this text can be drawn in, 2-D first. */
export function symbologiesFor(text: string): Symbology[] {
  if (text.length === 0) return [];
  const out: Symbology[] = ['qrcode', 'datamatrix'];
  if (code128Fits(text)) out.push('code128');
  return out;
}

/** bwip-js options for one symbol: black on white, with a quiet zone so scanners lock on. */
export function bwipOptions(symbology: Symbology, text: string, opts: { showText: boolean; scale?: number }) {
  const base = {
    bcid: symbology,
    text,
    scale: opts.scale ?? 4,
    paddingwidth: symbology === 'code128' ? 10 : 2,
    paddingheight: 2,
    backgroundcolor: 'ffffff',
    barcolor: '000000',
  };
  if (symbology === 'code128') {
    return { ...base, height: 12, includetext: opts.showText, textxalign: 'center' as const, textsize: 8 };
  }
  // 2-D symbols get their text printed by the label (bwip-js cannot print text under them).
  return symbology === 'qrcode' ? { ...base, eclevel: 'M' } : base;
}

export type SheetLayout = 'single' | 'grid';

/** Paper and label names are the page's words: wf-generate `print.papers.<id>` / `print.sizes.<id>`. */
export interface PaperSize {
  id: 'a4' | 'letter';
  widthMm: number;
  heightMm: number;
}

export const PAPERS: [PaperSize, ...PaperSize[]] = [
  { id: 'a4', widthMm: 210, heightMm: 297 },
  { id: 'letter', widthMm: 215.9, heightMm: 279.4 },
];

export interface LabelSize {
  id: '62x29' | '50x30' | '38x90' | '63x38' | '70x36';
  widthMm: number;
  heightMm: number;
}

/** Common label-printer and sheet label sizes. */
export const LABEL_SIZES: [LabelSize, ...LabelSize[]] = [
  { id: '62x29', widthMm: 62, heightMm: 29 },
  { id: '50x30', widthMm: 50, heightMm: 30 },
  { id: '38x90', widthMm: 90, heightMm: 38 },
  { id: '63x38', widthMm: 63.5, heightMm: 38.1 },
  { id: '70x36', widthMm: 70, heightMm: 36 },
];

export interface SheetOptions {
  layout: SheetLayout;
  copies: number;
  label: LabelSize;
  /** Paper for the grid layout; the single layout prints one label per label-sized page. */
  paper: PaperSize;
  marginMm: number;
  gapMm: number;
}

export interface SheetPlan {
  /** Page size for `@page`. */
  pageWidthMm: number;
  pageHeightMm: number;
  marginMm: number;
  columns: number;
  rows: number;
  perPage: number;
  /** Label counts per page, e.g. [21, 21, 3]. */
  pages: number[];
}

/** Clamp the number of copies to something a printer queue survives. */
export function clampCopies(n: number): number {
  if (!Number.isFinite(n)) return 1;
  return Math.min(500, Math.max(1, Math.floor(n)));
}

/** How many labels fit on a page and how many pages the copies take. */
export function planSheet(opts: SheetOptions): SheetPlan {
  const copies = clampCopies(opts.copies);
  if (opts.layout === 'single') {
    return {
      pageWidthMm: opts.label.widthMm,
      pageHeightMm: opts.label.heightMm,
      marginMm: 0,
      columns: 1,
      rows: 1,
      perPage: 1,
      pages: Array.from({ length: copies }, () => 1),
    };
  }
  const usableW = opts.paper.widthMm - 2 * opts.marginMm;
  const usableH = opts.paper.heightMm - 2 * opts.marginMm;
  const columns = Math.max(1, Math.floor((usableW + opts.gapMm) / (opts.label.widthMm + opts.gapMm)));
  const rows = Math.max(1, Math.floor((usableH + opts.gapMm) / (opts.label.heightMm + opts.gapMm)));
  const perPage = columns * rows;
  const pages: number[] = [];
  for (let left = copies; left > 0; left -= perPage) pages.push(Math.min(perPage, left));
  return {
    pageWidthMm: opts.paper.widthMm,
    pageHeightMm: opts.paper.heightMm,
    marginMm: opts.marginMm,
    columns,
    rows,
    perPage,
    pages,
  };
}

/**
 * The print stylesheet: only the label sheet prints, at the planned page size, one page per
 * `.label-page`. Everything else on screen is hidden while printing.
 */
export function sheetCss(plan: SheetPlan, label: LabelSize, gapMm: number): string {
  const mm = (n: number) => `${Number(n.toFixed(2))}mm`;
  return [
    '@media screen { .label-print-root { display: none; } }',
    '@media print {',
    `  @page { size: ${mm(plan.pageWidthMm)} ${mm(plan.pageHeightMm)}; margin: ${mm(plan.marginMm)}; }`,
    '  html, body { margin: 0; padding: 0; background: #fff; }',
    // The sheet is rendered as a direct child of <body>; everything else leaves the printed flow.
    '  body > *:not(.label-print-root) { display: none !important; }',
    '  .label-print-root { display: block; }',
    `  .label-page { display: grid; grid-template-columns: repeat(${plan.columns}, ${mm(label.widthMm)});` +
      ` grid-auto-rows: ${mm(label.heightMm)}; gap: ${mm(plan.perPage > 1 ? gapMm : 0)}; break-after: page; }`,
    '  .label-page:last-child { break-after: auto; }',
    `  .label-cell { width: ${mm(label.widthMm)}; height: ${mm(label.heightMm)}; overflow: hidden; box-sizing: border-box;` +
      ' display: flex; align-items: center; justify-content: center; gap: 1.5mm; padding: 1.5mm; }',
    '  .label-cell img { max-height: 100%; max-width: 60%; object-fit: contain; }',
    '  .label-cell.wide { flex-direction: column; }',
    '  .label-cell.wide img { max-width: 100%; max-height: 70%; }',
    '  .label-cell .label-text { font: 7pt/1.15 sans-serif; color: #000; word-break: break-all; overflow: hidden; }',
    '}',
  ].join('\n');
}
