/**
 * Page-wide scanner-gun capture: the DOM side of WedgeDetector. Listens to every keydown on the
 * window (capture phase, before any field or button sees it), so a gun works without a focused
 * field. Human typing is never held back or altered. When a gun burst lands in a text field, the
 * field gets back its earlier value once the burst is recognised, and the terminator is swallowed
 * so it neither submits a form nor moves focus. A field marked `data-wedge="off"` (e.g. the
 * health page's gun tester) is left entirely alone.
 */
import { WedgeDetector, type WedgeOptions } from './wedgeDetector.ts';

export interface WedgeCaptureOptions extends Partial<WedgeOptions> {
  onScan(text: string): void;
  /** A burst is under way (for a "receiving" indicator). */
  onBurst?(active: boolean): void;
  /** Key time source; tests replace it, the browser uses event.timeStamp. */
  clock?(event: KeyboardEvent): number;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

function textField(el: EventTarget | null): TextField | null {
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type)) return el;
  return null;
}

function isEditable(el: EventTarget | null): boolean {
  if (textField(el)) return true;
  return el instanceof HTMLElement && el.isContentEditable;
}

function optedOut(el: EventTarget | null): boolean {
  return el instanceof Element && el.closest('[data-wedge="off"]') !== null;
}

interface Snapshot {
  field: TextField;
  value: string;
  start: number;
  end: number;
}

function snapshot(field: TextField): Snapshot {
  let start = field.value.length;
  let end = start;
  try {
    start = field.selectionStart ?? start;
    end = field.selectionEnd ?? end;
  } catch {
    // type=number and email have no selection API.
  }
  return { field, value: field.value, start, end };
}

/** Set a field's value so React's onChange sees it (React tracks the native value setter). */
function setFieldValue(field: TextField, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Undo what a recognised burst typed into a field: only when the field holds exactly the old value
 * with (a prefix of, under maxlength) the burst inserted at the old caret; otherwise leave it be.
 */
function restoreField(snap: Snapshot, text: string): void {
  const { field } = snap;
  const now = field.value;
  if (now === snap.value) return;
  const printable = [...text].filter((c) => c >= ' ').join('');
  const before = snap.value.slice(0, snap.start);
  const after = snap.value.slice(snap.end);
  if (!now.startsWith(before) || !now.endsWith(after)) return;
  const inserted = now.slice(before.length, now.length - after.length);
  if (!inserted || !printable.startsWith(inserted)) return;
  setFieldValue(field, snap.value);
  try {
    field.setSelectionRange(snap.start, snap.end);
  } catch {
    // No selection API on this input type.
  }
}

interface Registration {
  handle(e: KeyboardEvent): void;
}

/** Only the most recently attached capture receives keys: two scan inputs never both take a scan. */
const stack: Registration[] = [];
let listening = false;

function dispatch(e: KeyboardEvent): void {
  stack.at(-1)?.handle(e);
}

export function attachWedgeCapture(options: WedgeCaptureOptions): () => void {
  const detector = new WedgeDetector(options);
  const clock = options.clock ?? ((e: KeyboardEvent) => e.timeStamp);
  let snap: Snapshot | null = null;
  let burstActive = false;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const setBurst = (active: boolean) => {
    if (active !== burstActive) {
      burstActive = active;
      options.onBurst?.(active);
    }
  };

  const finish = (text: string) => {
    if (snap) restoreField(snap, text);
    snap = null;
    setBurst(false);
    options.onScan(text);
  };

  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const deadline = detector.deadline();
    if (deadline === null) return;
    // Deadlines are in event-time; performance.now() shares that clock.
    const wait = Math.max(0, deadline - performance.now());
    idleTimer = setTimeout(() => {
      idleTimer = null;
      const d = detector.timeout(performance.now());
      if (d.kind === 'scan') finish(d.text);
    }, wait + 1);
  };

  const reg: Registration = {
    handle(e) {
      if (optedOut(e.target)) {
        detector.reset();
        return;
      }
      const decision = detector.key({
        key: e.key,
        code: e.code,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        repeat: e.repeat,
        isComposing: e.isComposing,
        time: clock(e),
      });
      if (decision.kind === 'ignore') {
        if (detector.pendingLength === 0) {
          snap = null;
          setBurst(false);
        }
        return;
      }
      if (decision.kind === 'scan') {
        // The terminator belongs to the gun: no form submit, no focus move, no other handler.
        e.preventDefault();
        e.stopImmediatePropagation();
        finish(decision.text);
        return;
      }
      const editable = isEditable(e.target);
      if (decision.burstStart) {
        const field = textField(e.target);
        snap = field ? snapshot(field) : null;
        setBurst(false);
      } else {
        setBurst(decision.gunLike);
        // Outside fields a gun's key has no use (and space would scroll, a focused button would
        // click); control combos (Ctrl+D = bookmark) are swallowed mid-burst everywhere. Keys
        // inside a field are left alone: they may still turn out to be a person's.
        if (decision.gunLike && (!editable || decision.char < ' ')) e.preventDefault();
      }
      armIdle();
    },
  };

  stack.push(reg);
  if (!listening && typeof window !== 'undefined') {
    window.addEventListener('keydown', dispatch, true);
    listening = true;
  }
  return () => {
    if (idleTimer) clearTimeout(idleTimer);
    const i = stack.lastIndexOf(reg);
    if (i >= 0) stack.splice(i, 1);
    if (stack.length === 0 && listening) {
      window.removeEventListener('keydown', dispatch, true);
      listening = false;
    }
  };
}
