import { BitMatrix, Exception, QRCodeReader } from '@zxing/library';
import type { GrayImage } from '../imageOps.ts';
import type { Point } from './passImage.ts';
import { MeshMap, sampleModules } from './qrMeshGrid.ts';
import { fitRound, knownAgreement, thresholdKnown, thresholdLocal } from './qrMeshFit.ts';
import { dimensionOf, knownModules } from './qrMeshLayout.ts';

/** A QR symbol a detector found but could not decode: its version and its four outer corners. */
export interface QrCandidate {
  version: number;
  /** Top-left (the finder's corner), top-right, bottom-right, bottom-left, in image pixels. */
  corners: Point[];
}

export interface MeshRead {
  text: string;
  /** The fitted grid's outer corners, in image pixels. */
  points: Point[];
  /** Fit rounds run before the decoder read it (0: the detector's own perspective was enough). */
  rounds: number;
}

/** ZXing's QR decoder (Reed-Solomon, format and version BCH) on a module matrix we sampled. */
class MatrixDecoder extends QRCodeReader {
  decodeBits(bits: BitMatrix): string {
    return this.getDecoder().decodeBitMatrix(bits).getText();
  }
}
const decoder = new MatrixDecoder();

function tryDecode(bits: Uint8Array, n: number): string | null {
  const m = new BitMatrix(n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (bits[y * n + x]) m.set(x, y);
  try {
    return decoder.decodeBits(m);
  } catch (e) {
    // Checksum / format failures: the grid is not on the modules yet.
    if (e instanceof Exception) return null;
    throw e;
  }
}

/** Share of the fixed patterns' modules sampled right below which the fit gives up (see decodeWarpedQr). */
const MIN_AGREEMENT = 0.85;

/** Mesh levels (nodes a side) and how far a node may move per round, coarse to fine. */
export type Schedule = { k: number; reach: number }[];
export function defaultSchedule(n: number): Schedule {
  const fine = Math.max(4, Math.round(n / 4));
  return [
    { k: 2, reach: 1 },
    { k: 2, reach: 0.5 },
    { k: 4, reach: 0.5 },
    { k: fine, reach: 0.4 },
    { k: fine, reach: 0.25 },
  ];
}

/**
 * Read a QR symbol whose modules do not lie on one plane (cloth, a bent label): start from the
 * detector's perspective and let a mesh follow the modules locally (see fitRound), trying the
 * Reed-Solomon decoder after every round. A wrong text would need a valid codeword set, which
 * sampling noise does not produce.
 */
export function decodeWarpedQr(g: GrayImage, candidate: QrCandidate, schedule = defaultSchedule): MeshRead | null {
  const n = dimensionOf(candidate.version);
  const known = knownModules(candidate.version);
  let map = MeshMap.fromCorners(n, candidate.corners, 1);
  let samples = sampleModules(g, map);
  const attempt = (): string | null => {
    for (const bits of [thresholdLocal(samples, n, 3), thresholdKnown(samples, known), thresholdLocal(samples, n, 5)]) {
      const text = tryDecode(bits, n);
      if (text !== null) return text;
    }
    return null;
  };
  let text = attempt();
  let rounds = 0;
  for (const { k, reach } of schedule(n)) {
    if (text !== null) break;
    // Once the mesh is past its coarse rounds, the fixed patterns must be where it samples
    // them; if they are not, this is no symbol it can follow (or too blurred): stop paying.
    if (k > 2 && knownAgreement(samples, known) < MIN_AGREEMENT) break;
    rounds++;
    if (k !== map.k) map = map.refined(k);
    fitRound(g, map, thresholdLocal(samples, n, 3), known, reach);
    samples = sampleModules(g, map);
    text = attempt();
  }
  if (text === null) return null;
  return { text, rounds, points: [map.map(0, 0), map.map(n, 0), map.map(n, n), map.map(0, n)] };
}
