import type { DecodeStrategyName } from '../decoderTypes.ts';
import { ADAPTIVE_PLAN, JS_PLAIN_PLAN, WASM_PLAIN_PLAN, type PassPlan } from './passPlans.ts';

export interface StrategyInfo {
  id: DecodeStrategyName;
  label: string;
  description: string;
}

/** For a settings screen; the first entry is the default. No engine code is pulled in. */
export const DECODE_STRATEGIES: readonly StrategyInfo[] = [
  {
    id: 'adaptive',
    label: 'Adaptive (recommended)',
    description:
      'ZXing-C++ fast passes on the guide box and frame; sharpening, deblurring, rescaling, lighting correction and a second engine only while nothing is found. EAN/UPC, ITF, Code 39/93 and Codabar are reported only when two independent reads agree.',
  },
  {
    id: 'zxing-wasm',
    label: 'ZXing-C++ (WebAssembly)',
    description: 'One full-strength zxing-wasm call per frame on the whole frame.',
  },
  {
    id: 'zxing-js',
    label: 'ZXing JS (@zxing/library)',
    description: 'The JavaScript engine behind @zxing/browser, TRY_HARDER on the whole frame. Slowest.',
  },
];

export const DEFAULT_STRATEGY: DecodeStrategyName = 'adaptive';

export function isStrategyName(value: unknown): value is DecodeStrategyName {
  return DECODE_STRATEGIES.some((s) => s.id === value);
}

export function planFor(name: DecodeStrategyName): PassPlan {
  switch (name) {
    case 'adaptive':
      return ADAPTIVE_PLAN;
    case 'zxing-wasm':
      return WASM_PLAIN_PLAN;
    case 'zxing-js':
      return JS_PLAIN_PLAN;
  }
}
