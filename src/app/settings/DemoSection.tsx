/** Demo mode: the simulation's user, its API version, and "reset demo data". */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/apiError.ts';
import { DEMO_USERS, DEMO_USER_NAMES, isDemoUserName } from '../../connection/demoUsers.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { loadDemoApiVersion } from '../demoApiVersion.ts';
import { useDemoBackend } from '../demoBackend.ts';
import { DemoApiVersionSelect } from './DemoApiVersionSelect.tsx';
import { ConnectedSummary, DiagnosisAlert } from './ServerSummary.tsx';

export function DemoSection() {
  const c = useConnection();
  const demo = useDemoBackend();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [confirmReset, { open, close }] = useDisclosure(false);
  const inDemo = c.mode === 'demo';

  const startDemoAs = async (name = c.demoUser) => {
    setBusy(true);
    try {
      await demo.start();
      await c.switchDemoUser(name);
      queryClient.clear();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Demo could not start', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    close();
    setBusy(true);
    try {
      await demo.reset();
      queryClient.clear();
      await c.switchDemoUser(c.demoUser);
      notifications.show({
        color: 'green',
        title: 'Demo data reset',
        message: 'Every change was undone; the demo dataset is as shipped.',
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Reset failed', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        The demo is a simulated InvenTree (API {loadDemoApiVersion()}) running inside this browser, with InvenTree’s
        public demo data. No server is needed; changes are kept on this device until you reset them.
      </Text>
      {!inDemo && (
        <Button onClick={() => void startDemoAs()} loading={busy} w="fit-content">
          Use the demo
        </Button>
      )}
      {inDemo && (
        <>
          <Select
            label="Demo user"
            description="InvenTree’s demo accounts, with their rights"
            value={c.demoUser}
            data={DEMO_USER_NAMES.map((n) => ({ value: n, label: `${n} — ${DEMO_USERS[n].description}` }))}
            onChange={(v) => {
              if (isDemoUserName(v)) void startDemoAs(v);
            }}
            allowDeselect={false}
            disabled={busy}
            maw={460}
          />
          <DemoApiVersionSelect disabled={busy} />
          <ConnectedSummary />
          {c.diagnosis && <DiagnosisAlert diagnosis={c.diagnosis} />}
          <Group>
            <Button
              variant="light"
              color="red"
              leftSection={<IconRefresh size={18} aria-hidden />}
              onClick={open}
              loading={busy}
            >
              Reset demo data
            </Button>
          </Group>
        </>
      )}
      <Modal opened={confirmReset} onClose={close} title="Reset demo data?" centered>
        <Stack>
          <Text size="sm">
            Linked barcodes, received stock, allocations and scan history made in the demo are thrown away.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void reset()}>
              Reset
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
