// The soak benchmark's camera: a looping slideshow of real labels in front of Chromium's fake
// camera (--use-file-for-fake-video-capture), made deterministically with bwip-js and ffmpeg into
// e2e/.out/soak/. Each slide is one label on an opaque white label stock, padded onto a grey bench,
// then a short empty bench so the next label is a new scan; a label comes back later in the loop
// (a repeat), some are unknown to InvenTree, one is the photographed label of the e2e fixtures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import bwipjs from 'bwip-js';

const here = dirname(fileURLToPath(import.meta.url));
export const SOAK_OUT = resolve(here, '../../.out/soak');
const PHOTO = resolve(here, '../../fixtures/labels/code128-2_01.png');

/** What the camera shows, in order (then it loops). `photo` is the real photographed Code 128 label. */
export const SLIDES = [
  { bcid: 'qrcode', text: '{"stockitem": 12}' },
  { bcid: 'code128', text: 'INV-SI330' },
  { bcid: 'qrcode', text: '{"part": 1}' },
  { bcid: 'code128', text: 'SOAK-UNKNOWN-0001' },
  { bcid: 'qrcode', text: '{"stocklocation": 14}' },
  { bcid: 'qrcode', text: '{"stockitem": 600}' },
  { photo: PHOTO, text: readFileSync(PHOTO.replace(/\.png$/, '.txt'), 'utf8').trim() },
  { bcid: 'qrcode', text: '{"stockitem": 12}' },
  { bcid: 'code128', text: 'INV-SI231' },
  { bcid: 'datamatrix', text: '{"part": 25}' },
  { bcid: 'code128', text: 'SOAK-UNKNOWN-0002' },
  { bcid: 'qrcode', text: '{"stockitem": 225}' },
];

/**
 * @param {number} slideSeconds one label + its empty bench (the camera's pace: one new label per slide)
 * @param {number} fps frames per second of the file (Chromium plays it at this rate, looping)
 * @returns {string} the .y4m path (reused when it exists: the same arguments make the same file)
 */
export async function makeSoakVideo(slideSeconds = 2, fps = 5) {
  mkdirSync(SOAK_OUT, { recursive: true });
  const total = Math.max(4, Math.round(slideSeconds * fps));
  const blank = Math.max(2, Math.round(total / 4));
  const shown = total - blank;
  const out = join(SOAK_OUT, `soak-${SLIDES.length}x${slideSeconds}s-${fps}fps-v3.y4m`);
  if (existsSync(out)) return out;
  const inputs = [];
  const filters = [];
  // An exact number of frames per part (time-based cuts round differently from slide to slide).
  const frames = (count) => `trim=end_frame=${count},setpts=PTS-STARTPTS`;
  let n = 0;
  for (const [i, slide] of SLIDES.entries()) {
    let file = slide.photo;
    if (!file) {
      const is2d = slide.bcid !== 'code128';
      const png = await bwipjs.toBuffer({
        bcid: slide.bcid,
        text: slide.text,
        scale: is2d ? 6 : 3,
        ...(is2d ? {} : { height: 18, includetext: true }),
        paddingwidth: is2d ? 4 : 12,
        paddingheight: 4,
        backgroundcolor: 'FFFFFF',
      });
      file = join(SOAK_OUT, `slide-${i}.png`);
      writeFileSync(file, png);
    }
    inputs.push('-loop', '1', '-framerate', String(fps), '-i', file);
    // The photo fills the frame as the e2e label video does; generated labels sit on the bench.
    const fit = slide.photo
      ? 'scale=640:480'
      : `scale='min(560,iw)':'min(420,ih)':force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:0x8a8a8a`;
    filters.push(`[${n}:v]format=rgb24,${fit},setsar=1,${frames(shown)}[v${n}]`);
    n += 1;
    inputs.push('-f', 'lavfi', '-i', `color=c=0x8a8a8a:s=640x480:r=${fps}`);
    filters.push(`[${n}:v]setsar=1,${frames(blank)}[v${n}]`);
    n += 1;
  }
  const concat = `${Array.from({ length: n }, (_, i) => `[v${i}]`).join('')}concat=n=${n}:v=1:a=0,format=yuv420p[out]`;
  execFileSync(
    'ffmpeg',
    [
      '-y',
      '-loglevel',
      'error',
      ...inputs,
      '-filter_complex',
      [...filters, concat].join(';'),
      '-map',
      '[out]',
      '-r',
      String(fps),
      out,
    ],
    { stdio: 'inherit' },
  );
  return out;
}
