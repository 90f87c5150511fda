/** Where a scan came from. Every input produces the same ScanEvent. */
export type ScanSource = 'camera' | 'wedge' | 'manual';

/**
 * One scan, whatever produced it. `text` is the decoded content exactly as read:
 * control characters (GS \u001d, RS \u001e, EOT \u0004) are kept because supplier labels need them.
 */
export interface ScanEvent {
  text: string;
  source: ScanSource;
  /** ZXing format name for camera scans (e.g. "QR_CODE"), null for keyboard input. */
  format: string | null;
  /** Epoch milliseconds when the scan was read. */
  at: number;
}
