// `POST /api/barcode/generate/` (BEHAVIOUR.md 2.2): no history, no model permission check.
import { jsonResponse } from '../apiTypes';
import { isBarcodeModelLabel } from '../barcodeModels';
import { generateInternalBarcode } from '../internalBarcode';
import { internalBarcodeFormat, shortBarcodePrefix } from '../plugins/inventreeBarcode';
import { ErrorDetail } from '../pyRepr';
import type { Route } from '../router';
import { SimulatedServerError } from '../serverError';
import { charField, integerField } from '../validation';
import { validateSerializer } from './barcodeCommon';

export const generateRoutes: Route[] = [
  {
    pattern: '/api/barcode/generate/',
    permission: 'authenticated',
    methods: {
      POST: (req, sim) => {
        const validated = validateSerializer(sim, req, false, (data, errors) => {
          const model = charField(data, 'model', errors, { required: true });
          if (model !== undefined && !isBarcodeModelLabel(model))
            errors.model = [new ErrorDetail('Model is not supported', 'invalid')];
          const pk = integerField(data, 'pk', errors, true);
          return { model, pk };
        });
        if (!validated.ok) return validated.response;
        const { model, pk } = validated.value;
        if (!isBarcodeModelLabel(model) || pk === undefined) throw new Error('validated generate input');
        if (Math.abs(pk) >= 2 ** 63)
          throw new SimulatedServerError('OverflowError', 'Python int too large to convert to SQLite INTEGER');
        if (!sim.store.barcodeTable(model).has(pk)) return jsonResponse(400, { error: 'Model instance not found' });
        // BARCODE_GENERATION_PLUGIN can only name the internal plugin in v291.
        return jsonResponse(200, {
          barcode: generateInternalBarcode(model, pk, internalBarcodeFormat(sim), shortBarcodePrefix(sim)),
        });
      },
    },
  },
];
