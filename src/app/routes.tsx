/**
 * The app's pages (ARCHITECTURE.md "Adding a workflow"), each loaded on first visit so the first chunk
 * holds only the shell. Every workflow takes its context from the URL, so a station can bookmark its page.
 * A workflow's page is listed here once its folder provides it.
 */
import {
  IconAdjustments,
  IconBarcode,
  IconHeartbeat,
  IconHistory,
  IconLink,
  IconPackageImport,
  IconScan,
  IconShoppingCartPlus,
  IconTransfer,
  IconPlusMinus,
  IconListCheck,
  IconTruckLoading,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface AppPage {
  path: string;
  /** Navigation label. */
  label: string;
  icon: Icon;
  load: () => Promise<ComponentType>;
  /** Shown in the phone's bottom bar (four fit beside "More"); the rest sit in its "More" menu. */
  phoneBar: boolean;
  /** Keyboard shortcut: "g" then this key opens the page. */
  goKey: string;
}

export const PAGES: AppPage[] = [
  {
    path: '/scan',
    label: 'Scan',
    icon: IconScan,
    load: () => import('../workflows/scan/ScanPage.tsx').then((m) => m.ScanPage),
    phoneBar: true,
    goKey: 's',
  },
  {
    path: '/link',
    label: 'Link',
    icon: IconLink,
    load: () => import('../workflows/link/LinkPage.tsx').then((m) => m.LinkPage),
    phoneBar: true,
    goKey: 'l',
  },
  {
    path: '/generate',
    label: 'Print barcode',
    icon: IconBarcode,
    load: () => import('../workflows/generate/GeneratePage.tsx').then((m) => m.GeneratePage),
    phoneBar: false,
    goKey: 'b',
  },
  {
    path: '/purchasing/receive',
    label: 'Receive',
    icon: IconPackageImport,
    load: () => import('../workflows/po-receive/PoReceivePage.tsx').then((m) => m.default),
    phoneBar: true,
    goKey: 'r',
  },
  {
    path: '/purchasing/add',
    label: 'Add to order',
    icon: IconShoppingCartPlus,
    load: () => import('../workflows/po-allocate/PoAllocatePage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'o',
  },
  {
    path: '/sales/allocate',
    label: 'Allocate',
    icon: IconTruckLoading,
    load: () => import('../workflows/so-allocate/SoAllocatePage.tsx').then((m) => m.SoAllocatePage),
    phoneBar: false,
    goKey: 'a',
  },
  {
    path: '/stock/move',
    label: 'Move stock',
    icon: IconTransfer,
    load: () => import('../workflows/stock-move/MovePage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'm',
  },
  {
    path: '/stock/count',
    label: 'Count stock',
    icon: IconListCheck,
    load: () => import('../workflows/stock-count/CountPage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 't',
  },
  {
    path: '/stock/adjust',
    label: 'Adjust stock',
    icon: IconPlusMinus,
    load: () => import('../workflows/stock-adjust/AdjustPage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'j',
  },
  {
    path: '/history',
    label: 'History',
    icon: IconHistory,
    load: () => import('../workflows/history/HistoryPage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'h',
  },
  {
    path: '/health',
    label: 'Scanner health',
    icon: IconHeartbeat,
    load: () => import('./health/ScannerHealthPage.tsx').then((m) => m.ScannerHealthPage),
    phoneBar: false,
    goKey: 'd',
  },
  {
    path: '/settings',
    label: 'Settings',
    icon: IconAdjustments,
    load: () => import('./settings/SettingsPage.tsx').then((m) => m.SettingsPage),
    phoneBar: true,
    goKey: 'c',
  },
];

export const START_PATH = '/scan';
