import { useEffect, useState } from 'react';
import { onFlash, type FeedbackKind } from './feedback.ts';

const COLOURS: Record<FeedbackKind, string> = {
  match: 'var(--mantine-color-green-6)',
  repeat: 'var(--mantine-color-blue-5)',
  error: 'var(--mantine-color-red-7)',
  nomatch: 'var(--mantine-color-orange-6)',
};

/**
 * A brief coloured frame around the screen on each scan outcome (mount once, e.g. in the layout).
 * Purely visual: it ignores the pointer and is hidden from screen readers, which get the result
 * from the page's own live region.
 */
export function FeedbackFlash() {
  const [flash, setFlash] = useState<{ kind: FeedbackKind; n: number } | null>(null);

  useEffect(() => {
    let n = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onFlash((kind) => {
      n++;
      setFlash({ kind, n });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setFlash(null), 320);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  if (!flash) return null;
  return (
    <div
      key={flash.n}
      aria-hidden="true"
      data-testid="feedback-flash"
      data-kind={flash.kind}
      style={{
        position: 'fixed',
        inset: 0,
        pointerEvents: 'none',
        zIndex: 10000,
        boxShadow: `inset 0 0 0 10px ${COLOURS[flash.kind]}`,
        background: `color-mix(in srgb, ${COLOURS[flash.kind]} 14%, transparent)`,
        animation: 'stockscan-flash 320ms ease-out forwards',
      }}
    >
      <style>
        {
          '@keyframes stockscan-flash{from{opacity:1}to{opacity:0}}@media (prefers-reduced-motion: reduce){[data-testid="feedback-flash"]{animation:none!important;opacity:.6}}'
        }
      </style>
    </div>
  );
}
