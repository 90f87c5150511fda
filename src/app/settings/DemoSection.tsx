/** Demo mode: the simulation's user, its API version, and "reset demo data". */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/apiError.ts';
import { DEMO_USER_NAMES, isDemoUserName } from '../../connection/demoUsers.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { loadDemoApiVersion } from '../demoApiVersion.ts';
import { useDemoBackend } from '../demoBackend.ts';
import { DemoApiVersionSelect } from './DemoApiVersionSelect.tsx';
import { ConnectedSummary, DiagnosisAlert } from './ServerSummary.tsx';

export function DemoSection() {
  const { t } = useTranslation(['connection', 'common']);
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
      notifications.show({ color: 'red', title: t('settings.demoStartFailed'), message: errorMessage(e) });
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
        title: t('settings.resetDone'),
        message: t('settings.resetDoneMessage'),
      });
    } catch (e) {
      notifications.show({ color: 'red', title: t('settings.resetFailed'), message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('settings.demoIntro', { api: loadDemoApiVersion() })}</Text>
      {!inDemo && (
        <Button onClick={() => void startDemoAs()} loading={busy} w="fit-content">
          {t('settings.useDemo')}
        </Button>
      )}
      {inDemo && (
        <>
          <Select
            label={t('settings.demoUser')}
            description={t('settings.demoUserDescription')}
            value={c.demoUser}
            data={DEMO_USER_NAMES.map((n) => ({
              value: n,
              label: t('settings.demoUserOption', { name: n, description: t(`settings.demoUsers.${n}`) }),
            }))}
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
              {t('settings.reset')}
            </Button>
          </Group>
        </>
      )}
      <Modal opened={confirmReset} onClose={close} title={t('settings.resetQuestion')} centered>
        <Stack>
          <Text size="sm">{t('settings.resetWhat')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button color="red" onClick={() => void reset()}>
              {t('settings.resetConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
