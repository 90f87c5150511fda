import { Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { pageName } from '../api/workflowNames.ts';
import { PAGES } from './routes.tsx';

const OTHERS = [
  { keys: ['/'], what: 'shortcuts.focusBarcode' },
  { keys: ['?'], what: 'shortcuts.help' },
  { keys: ['Esc'], what: 'shortcuts.close' },
] as const;

/** The "?" dialog: every keyboard shortcut. */
export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('app');
  const rows = [
    ...PAGES.map((p) => ({ keys: ['g', p.goKey], what: t('shortcuts.open', { page: pageName(p.id) }) })),
    ...OTHERS.map((o) => ({ keys: o.keys, what: t(o.what) })),
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Text size="sm" mb="sm">
        {t('shortcuts.intro')}
      </Text>
      <Table data-testid="shortcut-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.keys.join(' ')}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {r.keys.map((k, i) => (
                  <Fragment key={k}>
                    {i > 0 && ` ${t('shortcuts.then')} `}
                    <Kbd>{k}</Kbd>
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{r.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
