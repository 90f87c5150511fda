/** The server check's "Your rights" lines: which workflows the user's roles allow (split from serverCheck.ts). */
import { formatList } from '../i18n/format.ts';
import { i18n } from '../i18n/i18n.ts';
import type { UserRoles } from './users.ts';
import { pageName, unlinkBarcodeName } from './workflowNames.ts';
import type { CheckLine, ServerCheckInput } from './serverCheckTypes.ts';

type RoleName = 'stock' | 'stock_location' | 'part' | 'purchase_order' | 'sales_order' | 'build';
type Right = 'view' | 'add' | 'change' | 'delete';
type Need = { role: RoleName; right: Right };
type WorkflowId = 'link' | 'receive' | 'add-to-order' | 'allocate' | 'stock';

function has(roles: UserRoles, need: Need): boolean {
  if (roles.is_superuser) return true;
  return roles.roles[need.role]?.includes(need.right) ?? false;
}

/** "Stock Items: change" — InvenTree's role and right names, in the language in use. */
const needText = (need: Need) =>
  i18n.t('api:rights.need', {
    role: i18n.t(`api:rights.role.${need.role}`),
    right: i18n.t(`api:rights.right.${need.right}`),
  });
const needsText = (needs: Need[]) => formatList(needs.map(needText));

interface Workflow {
  id: WorkflowId;
  /** Made when the lines are made: the names follow the language in use. */
  label: () => string;
  needs: Need[];
}

const WORKFLOWS: Workflow[] = [
  {
    id: 'link',
    label: () => `${pageName('linkBarcode')} / ${unlinkBarcodeName()}`,
    needs: [{ role: 'stock', right: 'change' }],
  },
  {
    id: 'receive',
    label: () => pageName('receive'),
    needs: [
      { role: 'purchase_order', right: 'change' },
      { role: 'stock', right: 'add' },
    ],
  },
  {
    id: 'add-to-order',
    label: () => pageName('addToPurchaseOrder'),
    needs: [{ role: 'purchase_order', right: 'add' }],
  },
  {
    id: 'allocate',
    label: () => pageName('allocateToSalesOrder'),
    needs: [{ role: 'sales_order', right: 'change' }],
  },
  {
    id: 'stock',
    label: () =>
      i18n.t('api:rights.threePages', {
        a: pageName('moveStock'),
        b: pageName('countStock'),
        c: pageName('adjustStock'),
      }),
    needs: [{ role: 'stock', right: 'change' }],
  },
];

export function rightsLines(input: ServerCheckInput): CheckLine[] {
  const roles = input.roles;
  const unknown = (id: string, label: string): CheckLine => ({
    id,
    label,
    status: 'unknown',
    detail: input.signedIn ? i18n.t('api:rights.unread') : i18n.t('api:rights.signIn'),
  });
  if (!roles) {
    return [
      unknown('scan', pageName('scan')),
      unknown('generate', pageName('printBarcode')),
      ...WORKFLOWS.map((w) => unknown(w.id, w.label())),
      unknown('history', i18n.t('api:rights.historyLabel', { page: pageName('history') })),
      unknown('history-delete', i18n.t('api:rights.historyDeleteLabel')),
    ];
  }
  const user = roles.username;
  const who = user || i18n.t('api:rights.thisUser');
  // v291 barcode scan and generate need only a signed-in user (IsAuthenticated).
  const lines: CheckLine[] = [
    { id: 'scan', label: pageName('scan'), status: 'ready', detail: i18n.t('api:rights.anyScan') },
    { id: 'generate', label: pageName('printBarcode'), status: 'ready', detail: i18n.t('api:rights.anyPrint') },
  ];
  for (const w of WORKFLOWS) {
    const missing = w.needs.filter((n) => !has(roles, n));
    if (missing.length === 0) {
      lines.push({
        id: w.id,
        label: w.label(),
        status: 'ready',
        detail: i18n.t('api:rights.has', { needs: needsText(w.needs) }),
      });
    } else {
      lines.push({
        id: w.id,
        label: w.label(),
        status: 'not-ready',
        // count: German says "das Recht" / "die Rechte".
        detail: i18n.t(`api:rights.cannot.${w.id}`, { who, needs: needsText(missing), count: missing.length }),
        fix: user
          ? i18n.t('api:rights.giveRole', { user, needs: needsText(missing), count: missing.length })
          : i18n.t('api:rights.giveRoleThisUser', { needs: needsText(missing), count: missing.length }),
      });
    }
  }
  const staff = roles.is_staff === true || roles.is_superuser === true;
  lines.push({
    id: 'history',
    label: i18n.t('api:rights.historyLabel', { page: pageName('history') }),
    status: staff ? 'ready' : 'not-ready',
    detail: staff ? i18n.t('api:rights.staffHistory') : i18n.t('api:rights.readOnlyHistory', { who }),
    ...(staff ? {} : { fix: markStaff(user, true) }),
  });
  lines.push({
    id: 'history-delete',
    label: i18n.t('api:rights.historyDeleteLabel'),
    status: staff ? 'ready' : 'not-ready',
    detail: staff ? i18n.t('api:rights.staffDelete') : i18n.t('api:rights.onlyStaffDelete'),
    ...(staff ? {} : { fix: markStaff(user, false) }),
  });
  return lines;
}

/** "Mark reader as staff", with the admin-center path the first time it is said. */
function markStaff(user: string, withPath: boolean): string {
  if (withPath) return user ? i18n.t('api:rights.markStaffPath', { user }) : i18n.t('api:rights.markStaffPathThisUser');
  return user ? i18n.t('api:rights.markStaff', { user }) : i18n.t('api:rights.markStaffThisUser');
}
