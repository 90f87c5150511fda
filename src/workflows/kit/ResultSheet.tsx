/**
 * Where the eye is: on phones a scan's result slides up as a sheet over the lower part of the
 * camera (the page would otherwise show it ~850 px down) and stays until the next scan or a
 * dismiss: the close button, a swipe down on its grab bar, or Escape. It takes no focus, so the
 * scanner gun and the manual field keep theirs. Tablet and desktop: the result stays in the page,
 * beside the camera, as it was. After a dismiss the result is shown in the page again.
 */
import { ActionIcon, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ResultSheet.module.css';

/** Below Mantine's `sm`, as the app layout's phone frame. */
const PHONE_QUERY = '(max-width: 47.99em)';
/** How far the grab bar must be pulled down to dismiss (px). */
const SWIPE_DISMISS_PX = 64;

export interface ResultSheetProps {
  /**
   * Which result is shown (e.g. the scan's sequence number); null while there is none. A new key
   * opens the sheet again after a dismiss.
   */
  resultKey: number | string | null;
  /** Accessible name of the sheet, e.g. "Scan result". */
  label: string;
  children: ReactNode;
}

function usePhone(): boolean {
  return (
    useMediaQuery(PHONE_QUERY, window.matchMedia(PHONE_QUERY).matches, { getInitialValueInEffect: false }) ?? false
  );
}

export function ResultSheet({ resultKey, label, children }: ResultSheetProps) {
  const { t } = useTranslation('kit');
  const phone = usePhone();
  const [dismissed, setDismissed] = useState<number | string | null>(null);
  const open = phone && resultKey !== null && dismissed !== resultKey;
  const { ref: sizeRef, height } = useElementSize<HTMLDivElement>();
  const sheetRef = useRef<HTMLDivElement | null>(null);
  const drag = useRef<{ id: number; y: number; dy: number } | null>(null);

  const dismiss = () => setDismissed(resultKey);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // A dialog open above the page has Escape for itself.
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      setDismissed(resultKey);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, resultKey]);

  if (!open) return phone && resultKey === null ? null : <>{children}</>;

  const moveTo = (dy: number) => {
    if (sheetRef.current) sheetRef.current.style.transform = dy > 0 ? `translateY(${dy}px)` : '';
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('button')) return;
    drag.current = { id: e.pointerId, y: e.clientY, dy: 0 };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.id !== e.pointerId) return;
    drag.current.dy = Math.max(0, e.clientY - drag.current.y);
    moveTo(drag.current.dy);
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.id !== e.pointerId) return;
    const pulled = drag.current.dy;
    drag.current = null;
    moveTo(0);
    if (pulled >= SWIPE_DISMISS_PX) dismiss();
  };

  return (
    <>
      {/* Room under the page's last line, so nothing stays hidden behind the sheet. */}
      <div aria-hidden style={{ height }} />
      <div
        ref={(el) => {
          sheetRef.current = el;
          sizeRef(el);
        }}
        role="region"
        aria-label={label}
        className={classes.sheet}
        data-testid="result-sheet"
      >
        <div
          className={classes.handle}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          data-testid="result-sheet-handle"
        >
          <span style={{ width: 44 }} aria-hidden />
          <div className={classes.grip} aria-hidden />
          <VisuallyHidden>
            <Text>{t('resultSheet.hint')}</Text>
          </VisuallyHidden>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={44}
            onClick={dismiss}
            aria-label={t('resultSheet.close')}
            data-testid="result-sheet-close"
          >
            <IconX size={22} aria-hidden />
          </ActionIcon>
        </div>
        <div className={classes.content}>{children}</div>
      </div>
    </>
  );
}
