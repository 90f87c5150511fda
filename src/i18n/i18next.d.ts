/** Typed keys: t('area:key') must exist in the English catalogue, or tsc fails (the extractor's "missing"). */
import 'i18next';
import type common from './locales/en/common.json';
import type app from './locales/en/app.json';
import type health from './locales/en/health.json';
import type kiosk from './locales/en/kiosk.json';
import type settings from './locales/en/settings.json';
import type scanner from './locales/en/scanner.json';
import type offline from './locales/en/offline.json';
import type ui from './locales/en/ui.json';
import type connection from './locales/en/connection.json';
import type kit from './locales/en/kit.json';
import type api from './locales/en/api.json';
import type wf_generate from './locales/en/wf-generate.json';
import type wf_history from './locales/en/wf-history.json';
import type wf_link from './locales/en/wf-link.json';
import type wf_po_allocate from './locales/en/wf-po-allocate.json';
import type wf_po_receive from './locales/en/wf-po-receive.json';
import type wf_scan from './locales/en/wf-scan.json';
import type wf_so_allocate from './locales/en/wf-so-allocate.json';
import type wf_stock_adjust from './locales/en/wf-stock-adjust.json';
import type wf_stock_count from './locales/en/wf-stock-count.json';
import type wf_stock_move from './locales/en/wf-stock-move.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      app: typeof app;
      health: typeof health;
      kiosk: typeof kiosk;
      settings: typeof settings;
      scanner: typeof scanner;
      offline: typeof offline;
      ui: typeof ui;
      connection: typeof connection;
      kit: typeof kit;
      api: typeof api;
      'wf-generate': typeof wf_generate;
      'wf-history': typeof wf_history;
      'wf-link': typeof wf_link;
      'wf-po-allocate': typeof wf_po_allocate;
      'wf-po-receive': typeof wf_po_receive;
      'wf-scan': typeof wf_scan;
      'wf-so-allocate': typeof wf_so_allocate;
      'wf-stock-adjust': typeof wf_stock_adjust;
      'wf-stock-count': typeof wf_stock_count;
      'wf-stock-move': typeof wf_stock_move;
    };
  }
}
