/** The server's scan-history storage settings (BARCODE_STORE_RESULTS, BARCODE_RESULTS_MAX_NUM); staff may change them. */
import { Button, Card, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGlobalSetting, useSetGlobalSetting } from '../../api/queries.ts';
import { settingBool, settingNumber } from '../../api/settings.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export function StorageSettings({ isStaff }: { isStaff: boolean }) {
  const { t } = useTranslation('wf-history');
  const store = useGlobalSetting('BARCODE_STORE_RESULTS');
  const max = useGlobalSetting('BARCODE_RESULTS_MAX_NUM');
  const setSetting = useSetGlobalSetting();
  const storing = settingBool(store.data);
  const cap = settingNumber(max.data);
  const [draft, setDraft] = useState<number | ''>('');
  const shownCap = draft === '' ? (cap ?? '') : draft;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="history-storage">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {t('storage.storing')}{' '}
            <Text span c={storing ? 'teal' : 'red'} fw={700} data-testid="history-storage-state">
              {storing === null ? '…' : storing ? t('storage.on') : t('storage.off')}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {storing === false
              ? t('storage.offNote')
              : cap === null
                ? t('storage.keepsUnknown')
                : t('storage.keeps', { count: cap })}
          </Text>
        </Stack>
        {isStaff ? (
          <Group gap="sm" align="flex-end">
            <Switch
              label={t('storage.store')}
              checked={storing === true}
              disabled={storing === null || setSetting.isPending}
              onChange={(e) => setSetting.mutate({ key: 'BARCODE_STORE_RESULTS', value: e.currentTarget.checked })}
              data-testid="history-storage-switch"
            />
            <NumberInput
              label={t('storage.keepAtMost')}
              min={1}
              w={130}
              value={shownCap}
              onChange={(v) => setDraft(typeof v === 'number' ? v : '')}
              data-testid="history-max-input"
            />
            <Button
              size="sm"
              variant="light"
              disabled={draft === '' || draft < 1 || draft === cap}
              loading={setSetting.isPending}
              onClick={() =>
                setSetting.mutate(
                  { key: 'BARCODE_RESULTS_MAX_NUM', value: draft as number },
                  { onSuccess: () => setDraft('') },
                )
              }
              data-testid="history-max-save"
            >
              {t('storage.save')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('storage.staffOnly')}
          </Text>
        )}
      </Group>
      {setSetting.error ? <ErrorAlert error={setSetting.error} title={t('storage.notChanged')} /> : null}
    </Card>
  );
}
