/**
 * What one scan came to, read from the typed `POST /api/barcode/` answer (api/barcodeAnswers.ts
 * parsed it once), and its session-log line. Pure: no React, no fetch.
 */
import type { ScanResult } from '../../api/barcode.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import { classifyLabel, linkOffered, verdictOfScan, type LabelKind } from '../../api/labelKind.ts';
import { modelTitle, type BarcodeMatch } from '../../api/models.ts';
import { summarizeObject } from '../../api/objects.ts';
import { chooseMatch } from '../../api/supplierLabel.ts';
import { formatQuantity } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import { failureOutcome } from '../kit/failure.ts';
import type { LogLine } from '../kit/useWorkflow.ts';

export type ScanOutcome =
  | {
      kind: 'match';
      barcode: string;
      match: BarcodeMatch;
      plugin: string | null;
      /** Other objects of the same answer (API 425 supplier labels), listed beside the card. */
      others?: BarcodeMatch[];
      /** What the label is (api/labelKind.ts), said before anything else. */
      label: LabelKind;
    }
  /** The server knows no object for this barcode; `message` is the server's reason, as sent. */
  | { kind: 'noMatch'; barcode: string; hash: string | null; message: string; label: LabelKind }
  | {
      kind: 'error';
      barcode: string;
      message: string;
      nextStep: string | null;
      status: number | null;
      label: LabelKind;
    }
  /** Server mode without a server: kept in the offline queue (`queueId`); its answer comes later. */
  | { kind: 'queued'; barcode: string; reason: string | null; queueId: string };

export type AnsweredOutcome = Exclude<ScanOutcome, { kind: 'queued' }>;

/** Route of the link workflow for an unknown barcode. The barcode text is data, never a secret. */
export function linkRoute(barcode: string): string {
  return `/link?barcode=${encodeURIComponent(barcode)}`;
}

/**
 * A lookup's outcome (v291, BEHAVIOUR 2.1): a match; 400 with `barcode_hash` + `error` is "no plugin
 * matched"; 200 with `error` is a plugin failure in the server's words; a failed request goes
 * through the kit's failure mapping, keeping the API layer's own sentence where it says more
 * (the page's card shows the message and its next step).
 */
export function lookupOutcome(barcode: string, answer: Answer<ScanResult>): AnsweredOutcome {
  const label = classifyLabel(barcode, verdictOfScan(answer));
  if (answer.kind === 'failed') {
    const { failure } = answer;
    const kit = failureOutcome(failure, { forbidden: (f) => f.message, serverError: (f) => f.message });
    if (kit?.reason === 'signedOut')
      return { kind: 'error', barcode, message: kit.message, nextStep: null, status: failure.status, label };
    const message = kit?.message ?? failure.message;
    return {
      kind: 'error',
      barcode,
      message,
      nextStep: failure.nextStep,
      status: failure.status === 0 ? null : failure.status,
      label,
    };
  }
  const result = answer.value;
  if (result.ok) {
    // A supplier label on API 425 matches several objects: the card shows the part (else the
    // supplier part), the others are listed beside it.
    const { chosen, others } = chooseMatch(result.matches, 'card');
    const match = chosen ?? result.match;
    return others.length > 0 && chosen
      ? { kind: 'match', barcode, match, plugin: result.plugin, others, label }
      : { kind: 'match', barcode, match, plugin: result.plugin, label };
  }
  if (result.status === 400 && result.barcodeHash !== null && result.serverError) {
    return { kind: 'noMatch', barcode, hash: result.barcodeHash, message: result.serverError, label };
  }
  if (result.serverError)
    return { kind: 'error', barcode, message: result.serverError, nextStep: null, status: result.status, label };
  return {
    kind: 'error',
    barcode,
    message: i18n.t('wf-scan:outcome.noObject'),
    nextStep: null,
    status: result.status,
    label,
  };
}

/** A refused or answered scan's log line (a queued scan's line is the offline queue's). */
export function outcomeLine(result: AnsweredOutcome): LogLine {
  switch (result.kind) {
    case 'match':
      return {
        tone: 'success',
        result: i18n.t('wf-scan:log.match', { model: modelTitle(result.match.model), pk: result.match.pk }),
      };
    case 'noMatch':
      // Linking helps only a barcode InvenTree does not read itself (not its own label, not a supplier's).
      return linkOffered(result.label)
        ? { tone: 'notFound', result: i18n.t('wf-scan:log.noMatch'), to: linkRoute(result.barcode) }
        : { tone: 'notFound', result: i18n.t('wf-scan:log.noMatch') };
    case 'error':
      return { tone: 'error', result: result.message };
  }
}

/** "Stock item · R_1K_0805_1% × 1000" — what a found object is, in one log line. */
export function matchLine(match: BarcodeMatch, detail: Record<string, unknown>): string {
  const summary = summarizeObject(match.model, detail);
  const words = { model: modelTitle(match.model), title: summary.title };
  return summary.model === 'stockitem' && summary.quantity !== null
    ? i18n.t('wf-scan:log.foundQuantity', { ...words, quantity: formatQuantity(summary.quantity) })
    : i18n.t('wf-scan:log.found', words);
}
