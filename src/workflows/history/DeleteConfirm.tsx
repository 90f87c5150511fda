/** Asks before deleting scan history: how many scans, and the reason when nothing was deleted. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { DeletePlan } from './deletePlan.ts';

export interface DeleteConfirmProps {
  plan: DeletePlan | null;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (plan: DeletePlan) => void;
}

export function DeleteConfirm({ plan, busy, error, onCancel, onConfirm }: DeleteConfirmProps) {
  return (
    <Modal opened={plan !== null} onClose={onCancel} title="Delete scan history" centered zIndex={400}>
      {plan && (
        <Stack gap="sm">
          <Text data-testid="history-delete-confirm-text">
            Delete {plan.count.toLocaleString('en')} {plan.count === 1 ? 'scan' : 'scans'} from the history? This cannot
            be undone.
          </Text>
          {error ? <ErrorAlert error={error} title="Nothing was deleted" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => onConfirm(plan)} data-testid="history-delete-confirm">
              Delete {plan.count.toLocaleString('en')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
