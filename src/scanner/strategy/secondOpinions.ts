import type { Roi } from '../decoderTypes.ts';
import type { PassSpec } from './passPlans.ts';

// Which passes count as independent opinions on a still, and which second opinions a weak read
// gets on the same frame (FrameStrategy's confirmation, off in stream mode).

/**
 * What makes two reads of one still independent: passes that give the same engine the same
 * pixels under the same threshold algorithm repeat each other's misreads (tryHarder only adds
 * scan lines), so they count as one pass, whatever their ids. A filter (sharpen, deblur,
 * flatten) can itself turn bars into other valid digits, which every engine and threshold then
 * reads alike, at any strength: filtered pixels count once per filter kind and image size.
 */
export function independenceKey(spec: PassSpec, roi: Roi | null, image: { width: number; height: number }): string {
  const region = spec.region !== 'full' && roi ? `${roi.x},${roi.y}` : 'full';
  const filters = spec.transforms.filter((t) => t.kind !== 'scale');
  if (filters.some((t) => t.kind !== 'invert' && t.kind !== 'rotate90'))
    return `filtered|${region}|${image.width}x${image.height}|${filters.map((t) => t.kind).join('+')}`;
  return `${spec.engine}|${spec.options.binarizer}|${region}|${image.width}x${image.height}|${JSON.stringify(filters)}`;
}

/** At or above this module size (pass pixels) a read is confirmed on a smaller image, not a larger one. */
export const DOWNSCALE_CONFIRM_MODULE_PX = 2.8;
/**
 * Module size a downscaled confirmation keeps: EAN misreads begin near 1.3 px, and box
 * downscaling aliases bar widths, so a 3 px code shrunk to 1.8 px no longer reads (measured).
 */
const CONFIRM_MODULE_PX = 2.2;

/**
 * Second opinions on a weak read, tried in order until one agrees. Each must fail differently
 * from the first pass, or a misread repeats itself: the same pixels resampled to another scale
 * under the other threshold algorithm (bar edges land on other pixels), then the other engine
 * (another decoder altogether) on the same region. Wide bars are resampled smaller (to 2.2 px a
 * module, at most 0.8: two thirds of the pixels or fewer to decode instead of 2.25 times, so a
 * label held close is reported sooner); thinner ones larger (1.5), unless the pass had upscaled.
 */
export function confirmationPasses(spec: PassSpec, passModulePx: number | null = null): PassSpec[] {
  const upscaled = spec.transforms.some((t) => t.kind === 'scale' && t.factor > 1);
  const wide = passModulePx !== null && passModulePx >= DOWNSCALE_CONFIRM_MODULE_PX;
  const down = wide ? Math.max(0.5, Math.min(0.8, Math.round((CONFIRM_MODULE_PX / passModulePx) * 20) / 20)) : 0.6;
  const otherBinarizer = spec.options.binarizer === 'global' ? 'local' : 'global';
  const passes: PassSpec[] = [
    {
      ...spec,
      id: `${spec.id}+rescale`,
      transforms: [...spec.transforms, { kind: 'scale', factor: wide ? down : upscaled ? 0.6 : 1.5 }],
      maxSide: spec.maxSide,
      options: { ...spec.options, binarizer: otherBinarizer },
    },
  ];
  if (spec.engine !== 'zxing-js') {
    passes.push({
      ...spec,
      id: `${spec.id}+js`,
      engine: 'zxing-js',
      maxSide: Math.min(spec.maxSide ?? 640, 640),
      options: { ...spec.options, tryHarder: true, tryRotate: false, binarizer: 'local' },
    });
  }
  return passes;
}
