/**
 * Asks before deleting scan history: how many scans; after a failure, what is known of the outcome
 * (nothing deleted, part deleted, or unknown when the app gave up waiting for the server's answer).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
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
  nothing: 'Nothing was deleted',
  some: 'Only part was deleted',
  unknown: 'Outcome unknown: the scans may have been deleted',
} as const;

export function DeleteConfirm({ plan, busy, error, onCancel, onConfirm }: DeleteConfirmProps) {
  const failure = error instanceof DeleteFailure ? error : error ? new DeleteFailure('nothing', error) : null;
  // Sending it again would ask about scans that may be gone: the reloaded list shows what is there.
  const settled = failure !== null && failure.outcome !== 'nothing';
  return (
    <Modal opened={plan !== null} onClose={onCancel} title="Delete scan history" centered zIndex={400}>
      {plan && (
        <Stack gap="sm">
          <Text data-testid="history-delete-confirm-text">
            Delete {plan.count.toLocaleString('en')} {plan.count === 1 ? 'scan' : 'scans'} from the history? This cannot
            be undone.
          </Text>
          {failure && (
            <div data-testid="history-delete-outcome" data-outcome={failure.outcome}>
              <ErrorAlert error={failure.error} title={TITLES[failure.outcome]} />
              {settled && (
                <Text size="sm" mt="xs">
                  {failure.outcome === 'unknown'
                    ? 'The server may have deleted them before the app gave up waiting for its answer. '
                    : ''}
                  The list has been reloaded: it shows what the server holds now.
                </Text>
              )}
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {settled ? 'Close' : 'Cancel'}
            </Button>
            {!settled && (
              <Button color="red" loading={busy} onClick={() => onConfirm(plan)} data-testid="history-delete-confirm">
                Delete {plan.count.toLocaleString('en')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
