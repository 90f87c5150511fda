import { Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { pageName } from '../api/workflowNames.ts';
import { PAGES } from './routes.tsx';

const OTHERS = [
  { keys: ['/'], what: 'Put the cursor in the barcode field' },
  { keys: ['?'], what: 'Show this list' },
  { keys: ['Esc'], what: 'Close a dialog' },
];

/** The "?" dialog: every keyboard shortcut. */
export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const rows = [...PAGES.map((p) => ({ keys: ['g', p.goKey], what: `Open ${pageName(p.id)}` })), ...OTHERS];
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md">
      <Text size="sm" mb="sm">
        Press the keys one after the other, outside a text field. A scanner gun never triggers them.
      </Text>
      <Table data-testid="shortcut-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Keys</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.what}>
              <Table.Td>
                {r.keys.map((k, i) => (
                  <Fragment key={k}>
                    {i > 0 && ' then '}
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
