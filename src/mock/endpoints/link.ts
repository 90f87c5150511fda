// `POST /api/barcode/link/` and `/api/barcode/unlink/` (BEHAVIOUR.md 2.3, 2.4).
import { jsonResponse, type ApiResponse } from '../apiTypes';
import { userHasRole } from '../auth';
import { hashBarcode } from '../barcodeHash';
import { BARCODE_MODEL_LABELS, BARCODE_MODELS, type BarcodeModelLabel } from '../barcodeModels';
import { inventreeBarcodePlugin } from '../plugins/inventreeBarcode';
import { drfStringify } from '../pyRepr';
import type { Route } from '../router';
import type { Simulation } from '../simulation';
import type { UserRow } from '../store';
import { barcodeField, pkField, type FieldErrors } from '../validation';
import { requireUser, validateSerializer } from './barcodeCommon';

/** The nine optional, nullable model pk fields, in model order. */
function modelFields(
  sim: Simulation,
  data: Record<string, unknown>,
  errors: FieldErrors,
): Map<BarcodeModelLabel, number | null> {
  const present = new Map<BarcodeModelLabel, number | null>();
  for (const label of BARCODE_MODEL_LABELS) {
    const result = pkField(data, label, errors, (pk) => sim.store.barcodeTable(label).has(pk), {
      required: false,
      allowNull: true,
    });
    if (result.present) present.set(label, result.pk);
  }
  return present;
}

/** link/unlink check change rights on the model's table; superusers always pass. */
function permissionDenied(sim: Simulation, user: UserRow, label: BarcodeModelLabel): ApiResponse | null {
  const model = BARCODE_MODELS[label];
  if (model.changeRoles.some((role) => userHasRole(sim.store, user, role, 'change'))) return null;
  return jsonResponse(403, { error: `You do not have the required permissions for ${model.dbTable}` });
}

/** `YYYY-MM-DD HH:MM` (UTC), the serializers' rendering of auto_now timestamps. */
export function minuteTimestamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** Saving a model refreshes its auto_now `updated` field where it has one. */
function touchUpdated(sim: Simulation, label: BarcodeModelLabel, pk: number): void {
  const row = sim.store.barcodeTable(label).get(pk);
  if (row && 'updated' in row) row.updated = minuteTimestamp(sim.now());
}

const LABEL_LIST_REPR = `[${BARCODE_MODEL_LABELS.map((l) => `'${l}'`).join(', ')}]`;
const LABEL_LIST_TEXT = BARCODE_MODEL_LABELS.join(', ');

export const linkRoutes: Route[] = [
  {
    pattern: '/api/barcode/link/',
    permission: 'authenticated',
    methods: {
      POST: (req, sim) => {
        const validated = validateSerializer(sim, req, true, (data, errors) => {
          const barcode = barcodeField(data, errors);
          return { barcode, targets: modelFields(sim, data, errors) };
        });
        if (!validated.ok) return validated.response;
        const barcode = validated.value.barcode as string;

        // Only the internal plugin is asked: anything it matches (even the target) is a conflict.
        const existing = inventreeBarcodePlugin.scan(barcode, sim);
        if (existing !== null) {
          return jsonResponse(
            400,
            drfStringify({
              ...existing,
              error: 'Barcode matches existing item',
              plugin: inventreeBarcodePlugin.name,
              barcode_data: barcode,
            }),
          );
        }

        const target = BARCODE_MODEL_LABELS.find((label) => validated.value.targets.get(label) != null);
        if (!target) return jsonResponse(400, { error: `Missing data: provide one of '${LABEL_LIST_REPR}'` });
        const pk = validated.value.targets.get(target) as number;
        const denied = permissionDenied(sim, requireUser(req), target);
        if (denied) return denied;

        const hash = hashBarcode(barcode);
        // The model's own uniqueness check (reachable only for barcodes the plugin ignores, e.g. INV-ZZ1).
        if (sim.store.findByBarcodeHash(target, hash)) {
          return jsonResponse(400, { non_field_errors: ['Existing barcode found'] });
        }
        sim.store.setBarcode(target, pk, barcode, hash);
        touchUpdated(sim, target, pk);
        return jsonResponse(200, {
          success: `Assigned barcode to ${target} instance`,
          [target]: { pk },
          barcode_data: barcode,
          barcode_hash: hash,
        });
      },
    },
  },
  {
    pattern: '/api/barcode/unlink/',
    permission: 'authenticated',
    methods: {
      POST: (req, sim) => {
        const validated = validateSerializer(sim, req, false, (data, errors) => modelFields(sim, data, errors));
        if (!validated.ok) return validated.response;
        const targets = validated.value;
        // A null value still counts as a given field.
        if (targets.size === 0)
          return jsonResponse(400, { error: `Missing data: Provide one of '${LABEL_LIST_TEXT}'` });
        if (targets.size > 1) return jsonResponse(400, { error: `Multiple conflicting fields: '${LABEL_LIST_TEXT}'` });
        const [label, pk] = [...targets.entries()][0]!;
        if (pk === null) return jsonResponse(400, { error: 'Could not unassign barcode' });
        const denied = permissionDenied(sim, requireUser(req), label);
        if (denied) return denied;
        sim.store.setBarcode(label, pk, '', '');
        touchUpdated(sim, label, pk);
        return jsonResponse(200, { success: `Barcode unassigned from ${label} instance` });
      },
    },
  },
];
