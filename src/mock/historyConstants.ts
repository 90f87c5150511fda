/** Default of the BARCODE_RESULTS_MAX_NUM global setting (BEHAVIOUR.md 1.9). */
export const BARCODE_HISTORY_MAX_DEFAULT = 100;
