/**
 * A log line's undo or correction: the button, a confirm step that says what will happen before
 * anything is sent (with the number a correction asks), and afterwards "Undone: …" in place of
 * the button. The request itself is the workflow's (the kit runs it); this only asks and shows.
 */
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogAction } from './sessionLog.ts';

export interface LogRowActionProps {
  action: LogAction;
  /** What the line is about, for the button's accessible name ("Unlink: {"stockitem": 5}"). */
  about: string;
  onConfirm(input: number | null): void;
}

/** The action's words (label, confirm sentence, asked number's label) are the workflow's, already translated. */
export function LogRowAction({ action, about, onConfirm }: LogRowActionProps) {
  const { t } = useTranslation(['ui', 'common']);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(action.ask?.value ?? null);
  if (action.status === 'done') {
    return (
      <Text size="xs" c="teal" fw={600} data-testid="log-undone">
        {action.note}
      </Text>
    );
  }
  const sending = action.status === 'sending';
  const valid = !action.ask || (value !== null && Number.isFinite(value) && value >= 0);
  const confirm = () => {
    if (!valid) return;
    setOpen(false);
    onConfirm(action.ask ? value : null);
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="sm"
        variant="light"
        color="orange"
        mih={44}
        leftSection={<IconArrowBackUp size={16} aria-hidden />}
        loading={sending}
        onClick={() => {
          setValue(action.ask?.value ?? null);
          setOpen(true);
        }}
        aria-label={t('sessionLog.action.label', { action: action.label, about })}
        data-testid="log-action"
      >
        {action.status === 'failed' ? t('sessionLog.action.tryAgain', { action: action.label }) : action.label}
      </Button>
      {action.status === 'failed' && action.note && (
        <Text size="xs" c="red" data-testid="log-action-failed">
          {action.note}
        </Text>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('sessionLog.action.confirmTitle', { action: action.label })}
        centered
      >
        <Stack gap="md" data-testid="undo-confirm-step">
          <Text size="sm" data-testid="undo-confirm-text">
            {action.confirm}
          </Text>
          {action.ask && (
            <NumberInput
              label={action.ask.label}
              min={0}
              value={value ?? ''}
              onChange={(v) => setValue(typeof v === 'number' ? v : null)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') confirm();
              }}
              data-autofocus
              data-testid="undo-input"
            />
          )}
          {/* When a long label wraps the buttons on a phone, each fills its own row instead of hanging right. */}
          <Group justify="flex-end">
            <Button variant="default" mih={44} style={{ flex: '1 1 auto' }} onClick={() => setOpen(false)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="orange"
              mih={44}
              style={{ flex: '1 1 auto' }}
              onClick={confirm}
              disabled={!valid}
              data-testid="undo-confirm"
            >
              {action.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
