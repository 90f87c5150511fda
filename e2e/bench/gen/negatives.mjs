// Barcode-free frames for the generated set: the things phantom 1D reads come from: random
// and regular stripes (pin headers, vents, cables), text with many I/1/l strokes, textures
// (noise, wood grain, fabric, bricks, grids), and codes torn or covered so no symbol is whole.
import { SYMBOLOGIES, renderLabel } from './labels.mjs';
import { FRAME_H, FRAME_W, background, camera, lighting, placeLabel } from './scene.mjs';
import { drawText, fillRect, gaussianBlur, gray, jpegArtefacts, motionBlur } from './raster.mjs';

export const NEGATIVE_KINDS = [
  { name: 'stripes-random', count: 8 },
  { name: 'stripes-regular', count: 4 },
  { name: 'text', count: 6 },
  { name: 'noise', count: 2 },
  { name: 'wood', count: 3 },
  { name: 'fabric', count: 3 },
  { name: 'bricks', count: 2 },
  { name: 'grid', count: 2 },
  { name: 'torn', count: 8 },
];

/** A paper-coloured patch with random-width bars: the shape of a barcode without a symbology. */
function stripes(rng, regular) {
  const w = 900;
  const h = rng.int(200, 420);
  const img = gray(w, h, rng.range(200, 245));
  const ink = rng.range(15, 80);
  const period = rng.range(6, 20);
  let x = rng.range(20, 60);
  let bar = true;
  while (x < w - 20) {
    const bw = regular ? period / 2 : rng.range(3, 6) * rng.int(1, 4);
    if (bar) fillRect(img, x, 20, bw, h - 40, ink);
    x += bw;
    bar = !bar;
  }
  return img;
}

function textPatch(rng) {
  const img = gray(700, 420, rng.range(215, 250));
  const ink = rng.range(10, 60);
  const lines = [
    'RESISTOR 10K 0603 1% 100MW',
    'LOT 2024-118-A QTY 5000',
    'IIIII lllll 11111 ||||| IlIlIl',
    'PART RC0603FR-0710KL',
    '0123456789 1111 7777 ||||',
    'CAP 100NF 50V X7R 0805',
    'STORE DRY ESD SENSITIVE',
    '||| III lll 111 ||| III lll 111',
    'MADE IN EU 2024/11',
  ];
  const px = rng.int(2, 4);
  for (let y = 12; y < 400; y += 9 * px) drawText(img, rng.pick(lines), 10, y, px, ink);
  return img;
}

function texture(kind, rng) {
  const img = gray(FRAME_W, FRAME_H, 128);
  for (let i = 0; i < img.data.length; i++) img.data[i] = 128 + 60 * rng.gauss();
  switch (kind) {
    case 'noise':
      return img;
    case 'wood': {
      const streaked = motionBlur(img, rng.range(20, 50), Math.PI / 2 + rng.range(-0.2, 0.2));
      for (let i = 0; i < streaked.data.length; i++) streaked.data[i] = 128 + (streaked.data[i] - 128) * 5;
      return streaked;
    }
    case 'fabric': {
      const fine = gaussianBlur(img, rng.range(0.8, 1.5));
      const coarse = gaussianBlur(img, 6);
      for (let i = 0; i < fine.data.length; i++)
        fine.data[i] = 128 + (fine.data[i] - 128) * 2 + (coarse.data[i] - 128) * 6;
      return fine;
    }
    case 'bricks': {
      const out = gray(FRAME_W, FRAME_H, rng.range(150, 200));
      const bh = rng.int(14, 30);
      const bw = bh * rng.range(2, 3);
      for (let row = 0; row * bh < FRAME_H; row++) {
        fillRect(out, 0, row * bh, FRAME_W, 3, 60);
        for (let x = ((row % 2) * bw) / 2; x < FRAME_W; x += bw) fillRect(out, x, row * bh, 3, bh, 60);
      }
      return out;
    }
    default: {
      // grid
      const out = gray(FRAME_W, FRAME_H, rng.range(170, 230));
      const s = rng.int(6, 16);
      for (let x = 0; x < FRAME_W; x += s) fillRect(out, x, 0, s / 3, FRAME_H, 50);
      for (let y = 0; y < FRAME_H; y += s * 2) fillRect(out, 0, y, FRAME_W, s / 3, 50);
      return out;
    }
  }
}

/** A real label with part of its bars covered (a sticker, a finger, the frame edge). */
function torn(rng, index) {
  const formats = Object.keys(SYMBOLOGIES);
  const format = formats[index % formats.length];
  const [printText] = SYMBOLOGIES[format].text(rng);
  const label = renderLabel(format, printText, { paper: rng.range(210, 245), ink: rng.range(15, 60) });
  const { bars } = label;
  // Cover from somewhere in the middle third of the bars to beyond their end.
  const from = bars.x + bars.width * rng.range(0.35, 0.65);
  fillRect(label.img, from, 0, label.img.width - from, label.img.height, rng.range(60, 120));
  return label.img;
}

export function renderNegative(kind, rng, index) {
  let frame;
  if (['noise', 'wood', 'fabric', 'bricks', 'grid'].includes(kind)) {
    frame = texture(kind, rng);
  } else {
    frame = background(rng);
    const patch =
      kind === 'text' ? textPatch(rng) : kind === 'torn' ? torn(rng, index) : stripes(rng, kind === 'stripes-regular');
    const scale = kind === 'torn' ? rng.range(2.2, 3.5) / 6 : rng.range(0.35, 0.7);
    placeLabel(frame, patch, {
      cx: FRAME_W / 2 + rng.range(-30, 30),
      cy: FRAME_H / 2 + rng.range(-20, 20),
      scale,
      angle: rng.range(-0.25, 0.25),
      tiltX: rng.range(-0.0012, 0.0012),
      radius: 0,
    });
  }
  lighting(frame, rng);
  frame = camera(frame, rng, { blur: rng.range(0.4, 1.2), noise: rng.range(2, 5) });
  return jpegArtefacts(frame, rng.int(25, 85));
}
