/**
 * Undo of a link from its log line: unlink (`POST /api/barcode/unlink/`). InvenTree's unlink takes
 * only the object, not the barcode, so the object is read first: if it carries another barcode now
 * (linked since), nothing is unlinked.
 */
import { unlinkBarcode } from '../../api/barcode.ts';
import type { Connection } from '../../api/apiConnection.ts';
import { BARCODE_MODEL_INFO, BARCODE_MODELS_V291, modelName, modelTitle, type BarcodeModel } from '../../api/models.ts';
import { loadObject } from '../../api/objects.ts';
import { i18n } from '../../i18n/i18n.ts';
import { visibleText } from '../../scanner/visibleText.ts';
import type { UndoOffer } from '../kit/undo.ts';
import type { LinkOutcome, LinkTarget } from './linkMachine.ts';

interface LinkRef extends LinkTarget {
  /** The linked barcode's hash as the server answered it ('' when it gave none). */
  hash: string;
}

/** The log line's action once a barcode is linked. */
export function linkUndoOffer(o: Extract<LinkOutcome, { kind: 'linked' }>): UndoOffer {
  const ref: LinkRef = { model: o.target.model, pk: o.target.pk, hash: o.hash };
  return {
    label: i18n.t('wf-link:undo.label'),
    confirm: i18n.t('wf-link:undo.confirm', {
      barcode: visibleText(o.barcode).slice(0, 40),
      title: modelTitle(o.target.model),
      pk: o.target.pk,
      name: modelName(o.target.model),
    }),
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
  if (!r) throw new Error(i18n.t('wf-link:undo.noRef'));
  const what = { model: modelTitle(r.model), pk: r.pk };
  const object = await loadObject(conn, BARCODE_MODEL_INFO[r.model].apiUrl(r.pk));
  const now = typeof object.data.barcode_hash === 'string' ? object.data.barcode_hash : '';
  if (now === '') return i18n.t('wf-link:undo.alreadyUnlinked', what);
  if (r.hash !== '' && now !== r.hash) throw new Error(i18n.t('wf-link:undo.otherBarcode', what));
  const answer = await unlinkBarcode(conn, r.model, r.pk);
  if (!answer.ok) throw new Error(answer.serverError ?? i18n.t('wf-link:undo.notUnlinked'));
  return i18n.t('wf-link:undo.done', what);
}
