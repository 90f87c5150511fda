/**
 * Undo of a link from its log line: unlink (`POST /api/barcode/unlink/`). InvenTree's unlink takes
 * only the object, not the barcode, so the object is read first: if it carries another barcode now
 * (linked since), nothing is unlinked.
 */
import { unlinkBarcode } from '../../api/barcode.ts';
import type { Connection } from '../../api/apiConnection.ts';
import { BARCODE_MODEL_INFO, BARCODE_MODELS_V291, modelTitle, type BarcodeModel } from '../../api/models.ts';
import { loadObject } from '../../api/objects.ts';
import { visibleText } from '../../scanner/visibleText.ts';
import type { UndoOffer } from '../kit/undo.ts';
import type { LinkOutcome, LinkTarget } from './linkMachine.ts';

interface LinkRef extends LinkTarget {
  /** The linked barcode's hash as the server answered it ('' when it gave none). */
  hash: string;
}

/** The log line's action once a barcode is linked. */
export function linkUndoOffer(o: Extract<LinkOutcome, { kind: 'linked' }>): UndoOffer {
  const what = `${modelTitle(o.target.model)} #${o.target.pk}`;
  const ref: LinkRef = { model: o.target.model, pk: o.target.pk, hash: o.hash };
  return {
    label: 'Unlink',
    confirm:
      `Removes the custom barcode ${visibleText(o.barcode).slice(0, 40)} from ${what}: scanning it will no longer ` +
      `find the ${modelTitle(o.target.model).toLowerCase()}. Its InvenTree label keeps working.`,
    ref: JSON.stringify(ref),
  };
}

export function readLinkRef(ref: string): LinkRef | null {
  try {
    const r = JSON.parse(ref) as Partial<LinkRef>;
    if (!(BARCODE_MODELS_V291 as readonly string[]).includes(String(r.model))) return null;
    if (!Number.isInteger(r.pk) || typeof r.hash !== 'string') return null;
    return { model: r.model as BarcodeModel, pk: r.pk as number, hash: r.hash };
  } catch {
    return null;
  }
}

/** Unlink, if the object still has the barcode this line linked; the line's sentence, or throws. */
export async function undoLink(conn: Connection, ref: string): Promise<string> {
  const r = readLinkRef(ref);
  if (!r) throw new Error('This line does not say what was linked.');
  const what = `${modelTitle(r.model)} #${r.pk}`;
  const object = await loadObject(conn, BARCODE_MODEL_INFO[r.model].apiUrl(r.pk));
  const now = typeof object.data.barcode_hash === 'string' ? object.data.barcode_hash : '';
  if (now === '') return `Undone: ${what} has no custom barcode (already unlinked).`;
  if (r.hash !== '' && now !== r.hash) throw new Error(`${what} has another custom barcode now: nothing was unlinked.`);
  const answer = await unlinkBarcode(conn, r.model, r.pk);
  if (!answer.ok) throw new Error(answer.serverError ?? 'The server did not unlink the barcode.');
  return `Undone: ${what} has no custom barcode now.`;
}
