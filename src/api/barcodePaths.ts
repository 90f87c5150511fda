/** Every InvenTree barcode endpoint, named once (as InvenTree's own frontend names its endpoints). */
export const BARCODE_PATHS = {
  scan: '/api/barcode/',
  generate: '/api/barcode/generate/',
  link: '/api/barcode/link/',
  unlink: '/api/barcode/unlink/',
  poAllocate: '/api/barcode/po-allocate/',
  poReceive: '/api/barcode/po-receive/',
  soAllocate: '/api/barcode/so-allocate/',
  history: '/api/barcode/history/',
} as const;
