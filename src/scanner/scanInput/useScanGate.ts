/**
 * The one gate every input passes (camera, gun, manual): what InvenTree would refuse is never sent
 * (nor queued), and the duplicate window turns a double read into nothing or a deliberate repeat.
 */
import { useCallback, useRef, useState } from 'react';
import { refuseBarcode, type BarcodeRefusal } from '../../api/barcodeLimits.ts';
import { DuplicateWindow } from '../duplicateWindow.ts';
import type { ScanEvent, ScanSource } from '../scanEvent.ts';

export interface ScanGateHandlers {
  onScan(event: ScanEvent): void;
  onRepeat?(event: ScanEvent): void;
  onRefused?(event: ScanEvent, refusal: BarcodeRefusal): void;
}

export interface ScanGate {
  /** Pass one read through the gate. */
  emit(text: string, source: ScanSource, format: string | null): void;
  /** The last refusal, shown until the next accepted read or until dismissed. */
  refused: BarcodeRefusal | null;
  dismissRefused(): void;
}

export function useScanGate(handlers: ScanGateHandlers, duplicateWindowMs: number, disabled: boolean): ScanGate {
  // Latest callbacks without re-running effects when the page passes new functions.
  const latest = useRef(handlers);
  latest.current = handlers;
  const [refused, setRefused] = useState<BarcodeRefusal | null>(null);

  const duplicates = useRef<DuplicateWindow | null>(null);
  duplicates.current ??= new DuplicateWindow(duplicateWindowMs);
  duplicates.current.windowMs = duplicateWindowMs;

  const disabledRef = useRef(disabled);
  disabledRef.current = disabled;

  const emit = useCallback((text: string, source: ScanSource, format: string | null) => {
    if (disabledRef.current || text.length === 0) return;
    const event: ScanEvent = { text, source, format, at: Date.now() };
    const refusal = refuseBarcode(text);
    if (refusal) {
      setRefused(refusal);
      latest.current.onRefused?.(event, refusal);
      return;
    }
    setRefused(null);
    const verdict = duplicates.current?.check(text, source, event.at) ?? 'accept';
    if (verdict === 'accept') latest.current.onScan(event);
    else if (verdict === 'repeat') latest.current.onRepeat?.(event);
  }, []);

  const dismissRefused = useCallback(() => setRefused(null), []);
  return { emit, refused, dismissRefused };
}
