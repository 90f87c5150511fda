import { useEffect, useRef, useState } from 'react';
import { attachWedgeCapture } from './wedgeCapture.ts';

export interface WedgeStatus {
  /** A fast burst is arriving right now. */
  receiving: boolean;
  /** The page has keyboard focus (a gun's keys only reach a focused page). */
  pageFocused: boolean;
}

/** Page-wide scanner-gun capture while `enabled`; returns what the indicator shows. */
export function useWedge({ enabled, onScan }: { enabled: boolean; onScan(text: string): void }): WedgeStatus {
  const [receiving, setReceiving] = useState(false);
  const [pageFocused, setPageFocused] = useState(() => typeof document === 'undefined' || document.hasFocus());
  const scanRef = useRef(onScan);
  scanRef.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const detach = attachWedgeCapture({
      onScan: (text) => scanRef.current(text),
      onBurst: setReceiving,
    });
    return () => {
      detach();
      setReceiving(false);
    };
  }, [enabled]);

  useEffect(() => {
    const update = () => setPageFocused(document.hasFocus());
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    update();
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
    };
  }, []);

  return { receiving, pageFocused };
}
