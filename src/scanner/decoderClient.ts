import type {
  BarcodeFormatName,
  DecodedBarcode,
  DecodeRequest,
  DecodeStrategyName,
  FrameDecoder,
  FrameDecoderOptions,
} from './decoderTypes.ts';
import type { HeldRead, WorkerRequest, WorkerResponse } from './decodeWorkerProtocol.ts';

/** What one frame cost, for the health page and the benchmark. */
export interface FrameDecodeStats {
  barcode: DecodedBarcode | null;
  /** Worker time on this frame (0 when the frame was dropped). */
  ms: number;
  passes: { id: string; ms: number }[];
  /** Every pass of the strategy has been tried on this streak of misses. */
  exhausted: boolean;
  /** True when the frame was not decoded because another one was still in flight. */
  dropped: boolean;
  /** A weak-check code read on this live frame, waiting for the next frame to agree. */
  held: HeldRead | null;
}

export interface FrameDecoderClient extends FrameDecoder {
  /** Like decode(), with timing and pass details. */
  decodeWithStats(req: DecodeRequest): Promise<FrameDecodeStats>;
  /** Forget escalation state and pending weak reads (e.g. when the user moves to a new label). */
  reset(): void;
  setStrategy(strategy: DecodeStrategyName): void;
  /** True while a frame is being decoded; the camera loop can skip grabbing one. */
  readonly busy: boolean;
}

type Pending = { resolve: (v: WorkerResponse) => void; reject: (e: Error) => void };

/**
 * The camera loop's decoder: a Web Worker running the chosen strategy. One frame in flight at
 * a time; frames offered while busy are dropped (resolve null) so the decoder never queues
 * stale frames. The worker and its engines load on first warm()/decode(), never at import.
 */
export function createFrameDecoder(options: FrameDecoderOptions = {}): FrameDecoderClient {
  let worker: Worker | null = null;
  let disposed = false;
  let nextId = 1;
  let inFlight = false;
  let strategy = options.strategy;
  const defaultFormats: BarcodeFormatName[] | undefined = options.formats;
  const pending = new Map<number, Pending>();
  let warmPromise: Promise<void> | null = null;

  function send(msg: WorkerRequest, transfer: Transferable[] = []): void {
    ensureWorker().postMessage(msg, transfer);
  }

  function failAll(message: string): void {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  }

  function ensureWorker(): Worker {
    if (disposed) throw new Error('decoder disposed');
    if (worker) return worker;
    const w = new Worker(new URL('./decodeWorker.ts', import.meta.url), { type: 'module', name: 'barcode-decoder' });
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      p.resolve(msg);
    };
    w.onerror = (event) => {
      event.preventDefault();
      failAll(event.message || 'decoder worker failed');
    };
    worker = w;
    if (strategy) w.postMessage({ type: 'configure', strategy } satisfies WorkerRequest);
    return w;
  }

  function request(msg: WorkerRequest & { id: number }, transfer: Transferable[] = []): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      pending.set(msg.id, { resolve, reject });
      try {
        send(msg, transfer);
      } catch (e) {
        pending.delete(msg.id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  async function decodeWithStats(req: DecodeRequest): Promise<FrameDecodeStats> {
    if (inFlight || disposed) return { barcode: null, ms: 0, passes: [], exhausted: false, dropped: true, held: null };
    inFlight = true;
    try {
      const { image } = req;
      const id = nextId++;
      const buffer = image.data.buffer as ArrayBuffer;
      const formats = req.formats ?? defaultFormats;
      const res = await request(
        {
          type: 'decode',
          id,
          width: image.width,
          height: image.height,
          buffer,
          roi: req.roi,
          formats,
          stream: req.stream,
        },
        [buffer],
      );
      if (res.type === 'error') throw new Error(res.message);
      if (res.type !== 'decoded') throw new Error(`unexpected worker answer ${res.type}`);
      return {
        barcode: res.barcode,
        ms: res.ms,
        passes: res.passes,
        exhausted: res.exhausted,
        dropped: false,
        held: res.held ?? null,
      };
    } finally {
      inFlight = false;
    }
  }

  return {
    get busy() {
      return inFlight;
    },
    warm() {
      if (disposed) return Promise.resolve();
      warmPromise ??= request({ type: 'warm', id: nextId++ }).then((res) => {
        if (res.type === 'error') {
          warmPromise = null;
          throw new Error(res.message);
        }
      });
      return warmPromise;
    },
    async decode(req) {
      return (await decodeWithStats(req)).barcode;
    },
    decodeWithStats,
    reset() {
      if (worker && !disposed) send({ type: 'reset' });
    },
    setStrategy(next) {
      strategy = next;
      warmPromise = null;
      if (worker && !disposed) send({ type: 'configure', strategy: next });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker?.terminate();
      worker = null;
      // Whoever still awaits a frame gets "nothing found" rather than an error to handle.
      for (const [id, p] of pending) {
        p.resolve({ type: 'decoded', id, barcode: null, ms: 0, passes: [], exhausted: false });
      }
      pending.clear();
    },
  };
}
