/**
 * The DOM side of shortcuts.ts: one window keydown listener in the bubble phase, so the page-wide
 * scanner-gun capture (capture phase) has first look and a key it claims arrives defaultPrevented.
 */
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { PAGES } from './routes.tsx';
import { ShortcutMatcher, type Shortcut } from './shortcuts.ts';

export type ShortcutAction = { kind: 'go'; path: string } | { kind: 'focusBarcode' } | { kind: 'help' };

export const SHORTCUTS: Shortcut<ShortcutAction>[] = [
  ...PAGES.map((p) => ({ keys: ['g', p.goKey], action: { kind: 'go' as const, path: p.path } })),
  { keys: ['/'], action: { kind: 'focusBarcode' } },
  { keys: ['?'], action: { kind: 'help' } },
];

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/** Typing goes there: a text field, select, contenteditable, a textbox role, or an opted-out area. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('[role="textbox"], [role="combobox"], [data-wedge="off"]') !== null;
}

/** The page's barcode field (the scan input's manual entry), else its first text field. */
function barcodeField(): HTMLInputElement | null {
  const main = document.getElementById('main-content') ?? document.body;
  return (
    main.querySelector<HTMLInputElement>('[data-testid="manual-input"]:not(:disabled)') ??
    main.querySelector<HTMLInputElement>('input[type="text"]:not(:disabled), input:not([type]):not(:disabled)')
  );
}

export function useShortcuts({ onHelp }: { onHelp(): void }): void {
  const navigate = useNavigate();
  const latest = useRef({ navigate, onHelp });
  latest.current = { navigate, onHelp };

  useEffect(() => {
    const matcher = new ShortcutMatcher(SHORTCUTS);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = (action: ShortcutAction) => {
      if (action.kind === 'go') void latest.current.navigate(action.path);
      else if (action.kind === 'help') latest.current.onHelp();
      else barcodeField()?.focus();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (timer) clearTimeout(timer);
      timer = null;
      const d = matcher.key({
        key: e.key,
        time: e.timeStamp,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        repeat: e.repeat,
        isComposing: e.isComposing,
        editable: isTyping(e.target),
        defaultPrevented: e.defaultPrevented,
      });
      if (d.kind !== 'candidate') return;
      // event.timeStamp and performance.now() share one clock.
      timer = setTimeout(
        () => {
          timer = null;
          const action = matcher.confirm(performance.now());
          if (action) run(action);
        },
        Math.max(0, d.at - performance.now()) + 1,
      );
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (timer) clearTimeout(timer);
    };
  }, []);
}
