// `POST /api/barcode/`: the generic scan (BEHAVIOUR.md 2.1).
import { jsonResponse } from '../apiTypes';
import { hashBarcode } from '../barcodeHash';
import { runPluginChain } from '../plugins/pluginChain';
import { drfStringify } from '../pyRepr';
import type { Route } from '../router';
import { logScan } from '../scanHistory';
import { barcodeField } from '../validation';
import { requireUser, validateSerializer } from './barcodeCommon';

export const scanRoutes: Route[] = [
  {
    pattern: '/api/barcode/',
    permission: 'authenticated',
    methods: {
      POST: (req, sim) => {
        const validated = validateSerializer(sim, req, true, (data, errors) => barcodeField(data, errors));
        if (!validated.ok) return validated.response;
        const barcode = validated.value as string;

        const chain = runPluginChain(sim, barcode);
        const response: Record<string, unknown> = { ...chain.result };
        response.plugin = chain.plugin?.name ?? null;
        response.barcode_data = barcode;
        response.barcode_hash = hashBarcode(barcode);
        const log = (result: boolean) =>
          logScan(sim, {
            user: requireUser(req),
            endpoint: req.path,
            body: validated.data,
            query: req.query,
            response,
            result,
          });

        if (chain.plugin === null) {
          response.error = 'No match found for barcode data';
          log(false);
          return jsonResponse(400, drfStringify(response));
        }
        // A plugin's error-only result (several supplier parts) still counts as a match: 200 with both keys.
        response.success = 'Match found for barcode data';
        log(true);
        return jsonResponse(200, response);
      },
    },
  },
];
