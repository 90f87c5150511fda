/** The server check's "Your rights" lines: which workflows the user's roles allow (split from serverCheck.ts). */
import type { UserRoles } from './users.ts';
import { pageName, unlinkBarcodeName } from './workflowNames.ts';
import type { CheckLine, ServerCheckInput } from './serverCheckTypes.ts';

type RoleName = 'stock' | 'stock_location' | 'part' | 'purchase_order' | 'sales_order' | 'build';
type Right = 'view' | 'add' | 'change' | 'delete';
type Need = { role: RoleName; right: Right };

const ROLE_LABEL: Record<RoleName, string> = {
  stock: 'Stock Items',
  stock_location: 'Stock Locations',
  part: 'Parts',
  purchase_order: 'Purchase Orders',
  sales_order: 'Sales Orders',
  build: 'Build Orders',
};

function has(roles: UserRoles, need: Need): boolean {
  if (roles.is_superuser) return true;
  return roles.roles[need.role]?.includes(need.right) ?? false;
}

const needText = (need: Need) => `${ROLE_LABEL[need.role]}: ${need.right}`;

interface Workflow {
  id: string;
  /** Made when the lines are made: the names follow the language in use. */
  label: () => string;
  needs: Need[];
  what: string;
}

const WORKFLOWS: Workflow[] = [
  {
    id: 'link',
    label: () => `${pageName('linkBarcode')} / ${unlinkBarcodeName()}`,
    needs: [{ role: 'stock', right: 'change' }],
    what: 'link a barcode to a stock item',
  },
  {
    id: 'receive',
    label: () => pageName('receive'),
    needs: [
      { role: 'purchase_order', right: 'change' },
      { role: 'stock', right: 'add' },
    ],
    what: 'receive supplier labels into stock',
  },
  {
    id: 'add-to-order',
    label: () => pageName('addToPurchaseOrder'),
    needs: [{ role: 'purchase_order', right: 'add' }],
    what: 'add a scanned part to a purchase order',
  },
  {
    id: 'allocate',
    label: () => pageName('allocateToSalesOrder'),
    needs: [{ role: 'sales_order', right: 'change' }],
    what: 'allocate stock to a sales order',
  },
  {
    id: 'stock',
    label: () => `${pageName('moveStock')}, ${pageName('countStock')}, ${pageName('adjustStock')}`,
    needs: [{ role: 'stock', right: 'change' }],
    what: 'move, count or adjust stock',
  },
];

export function rightsLines(input: ServerCheckInput): CheckLine[] {
  const roles = input.roles;
  const unknown = (id: string, label: string): CheckLine => ({
    id,
    label,
    status: 'unknown',
    detail: input.signedIn ? 'Your rights could not be read.' : 'Sign in to check your rights.',
  });
  if (!roles) {
    return [
      unknown('scan', pageName('scan')),
      unknown('generate', pageName('printBarcode')),
      ...WORKFLOWS.map((w) => unknown(w.id, w.label())),
      unknown('history', `${pageName('history')} (store on/off)`),
      unknown('history-delete', 'Delete scan history'),
    ];
  }
  const who = roles.username || 'This user';
  // v291 barcode scan and generate need only a signed-in user (IsAuthenticated).
  const lines: CheckLine[] = [
    { id: 'scan', label: pageName('scan'), status: 'ready', detail: 'Any signed-in user may scan.' },
    {
      id: 'generate',
      label: pageName('printBarcode'),
      status: 'ready',
      detail: 'Any signed-in user may print barcodes.',
    },
  ];
  for (const w of WORKFLOWS) {
    const missing = w.needs.filter((n) => !has(roles, n));
    if (missing.length === 0) {
      lines.push({
        id: w.id,
        label: w.label(),
        status: 'ready',
        detail: `Has ${w.needs.map(needText).join(' and ')}.`,
      });
    } else {
      lines.push({
        id: w.id,
        label: w.label(),
        status: 'not-ready',
        detail: `${who} cannot ${w.what}: missing ${missing.map(needText).join(' and ')}.`,
        fix: `Give ${who}'s group the role ${missing.map(needText).join(' and ')} (Admin center → Users → Groups).`,
      });
    }
  }
  const staff = roles.is_staff === true || roles.is_superuser === true;
  lines.push({
    id: 'history',
    label: `${pageName('history')} (store on/off)`,
    status: staff ? 'ready' : 'not-ready',
    detail: staff
      ? 'Staff: may turn storing scans on or off and read every stored scan.'
      : `${who} may read the scan history, but only staff may turn storing scans on or off.`,
    ...(staff ? {} : { fix: `Mark ${who} as staff (Admin center → Users → Staff status).` }),
  });
  lines.push({
    id: 'history-delete',
    label: 'Delete scan history',
    status: staff ? 'ready' : 'not-ready',
    detail: staff
      ? 'Staff: may delete history rows.'
      : 'Only staff users may delete history rows (v291: IsStaffOrReadOnly).',
    ...(staff ? {} : { fix: `Mark ${who} as staff.` }),
  });
  return lines;
}
