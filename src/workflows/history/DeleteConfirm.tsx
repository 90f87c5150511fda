/**
 * Asks before deleting scan history: how many scans; after a failure, what is known of the outcome
 * (nothing deleted, part deleted, or unknown when the app gave up waiting for the server's answer).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { DeleteFailure, type DeletePlan } from './deletePlan.ts';

export interface DeleteConfirmProps {
  plan: DeletePlan | null;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (plan: DeletePlan) => void;
}

const TITLES = {
  nothing: 'delete.nothing',
  some: 'delete.some',
  unknown: 'delete.unknown',
} as const;

export function DeleteConfirm({ plan, busy, error, onCancel, onConfirm }: DeleteConfirmProps) {
  const { t } = useTranslation(['wf-history', 'common']);
  const failure = error instanceof DeleteFailure ? error : error ? new DeleteFailure('nothing', error) : null;
  // Sending it again would ask about scans that may be gone: the reloaded list shows what is there.
  const settled = failure !== null && failure.outcome !== 'nothing';
  return (
    <Modal opened={plan !== null} onClose={onCancel} title={t('delete.title')} centered zIndex={400}>
      {plan && (
        <Stack gap="sm">
          <Text data-testid="history-delete-confirm-text">{t('delete.question', { count: plan.count })}</Text>
          {failure && (
            <div data-testid="history-delete-outcome" data-outcome={failure.outcome}>
              <ErrorAlert error={failure.error} title={t(TITLES[failure.outcome])} />
              {settled && (
                <Text size="sm" mt="xs">
                  {failure.outcome === 'unknown' ? `${t('delete.mayHaveDeleted')} ` : ''}
                  {t('delete.reloaded')}
                </Text>
              )}
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {settled ? t('common:close') : t('common:cancel')}
            </Button>
            {!settled && (
              <Button color="red" loading={busy} onClick={() => onConfirm(plan)} data-testid="history-delete-confirm">
                {t('delete.confirm', { n: plan.count })}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
