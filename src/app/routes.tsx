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
import type { PageId } from '../api/workflowNames.ts';

export interface AppPage {
  path: string;
  id: PageId;
  icon: Icon;
  load: () => Promise<ComponentType>;
  /**
   * Shown in the phone's bottom bar (four fit beside "More"); the rest sit in its "More" menu. The
   * four are a stock room's daily flow: look up (Scan), goods in (Receive), picking (Allocate to
   * sales order) and putaway (Move stock). Counting is periodic, labels and History are desk jobs,
   * and Settings is rarely opened.
   */
  phoneBar: boolean;
  /** Keyboard shortcut: "g" then this key opens the page. */
  goKey: string;
}

export const PAGES: AppPage[] = [
  {
    path: '/scan',
    id: 'scan',
    icon: IconScan,
    load: () => import('../workflows/scan/ScanPage.tsx').then((m) => m.ScanPage),
    phoneBar: true,
    goKey: 's',
  },
  {
    path: '/purchasing/receive',
    id: 'receive',
    icon: IconPackageImport,
    load: () => import('../workflows/po-receive/PoReceivePage.tsx').then((m) => m.default),
    phoneBar: true,
    goKey: 'r',
  },
  {
    path: '/purchasing/add',
    id: 'addToPurchaseOrder',
    icon: IconShoppingCartPlus,
    load: () => import('../workflows/po-allocate/PoAllocatePage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'o',
  },
  {
    path: '/sales/allocate',
    id: 'allocateToSalesOrder',
    icon: IconTruckLoading,
    load: () => import('../workflows/so-allocate/SoAllocatePage.tsx').then((m) => m.SoAllocatePage),
    phoneBar: true,
    goKey: 'a',
  },
  {
    path: '/stock/move',
    id: 'moveStock',
    icon: IconTransfer,
    load: () => import('../workflows/stock-move/MovePage.tsx').then((m) => m.default),
    phoneBar: true,
    goKey: 'm',
  },
  {
    path: '/stock/count',
    id: 'countStock',
    icon: IconListCheck,
    load: () => import('../workflows/stock-count/CountPage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 't',
  },
  {
    path: '/stock/adjust',
    id: 'adjustStock',
    icon: IconPlusMinus,
    load: () => import('../workflows/stock-adjust/AdjustPage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'j',
  },
  {
    path: '/link',
    id: 'linkBarcode',
    icon: IconLink,
    load: () => import('../workflows/link/LinkPage.tsx').then((m) => m.LinkPage),
    phoneBar: false,
    goKey: 'l',
  },
  {
    path: '/generate',
    id: 'printBarcode',
    icon: IconBarcode,
    load: () => import('../workflows/generate/GeneratePage.tsx').then((m) => m.GeneratePage),
    phoneBar: false,
    goKey: 'b',
  },
  {
    path: '/history',
    id: 'history',
    icon: IconHistory,
    load: () => import('../workflows/history/HistoryPage.tsx').then((m) => m.default),
    phoneBar: false,
    goKey: 'h',
  },
  {
    path: '/health',
    id: 'scannerHealth',
    icon: IconHeartbeat,
    load: () => import('./health/ScannerHealthPage.tsx').then((m) => m.ScannerHealthPage),
    phoneBar: false,
    goKey: 'd',
  },
  {
    path: '/settings',
    id: 'settings',
    icon: IconAdjustments,
    load: () => import('./settings/SettingsPage.tsx').then((m) => m.SettingsPage),
    phoneBar: false,
    goKey: 'c',
  },
];

export const START_PATH = '/scan';
