/**
 * The question a workflow asks before it can go on (a quantity, a location, a shipment): drawn by the
 * frame above the scanner, amber (it waits for the user; not success, not a calm note), announced to
 * screen readers, and its first field focused and selected, so a gun or "45 Enter" answers it.
 * A new `askKey` (another receipt, another question) focuses it again.
 */
import { Card, Group, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconHelpHexagon } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface QuestionPanelProps {
  title: string;
  /** What the answer does, in a line. */
  detail?: ReactNode;
  /** Changes when a different question is asked: the field is focused again. */
  askKey: string | number;
  testId?: string;
  children: ReactNode;
}

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

export function QuestionPanel({ title, detail, askKey, testId, children }: QuestionPanelProps) {
  const { t } = useTranslation('kit');
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Filled after mount: a live region's text present at insertion is not always read.
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(t('question.said', { title })), [t, title, askKey]);
  useEffect(() => {
    const field = ref.current?.querySelector<HTMLInputElement>(FIELDS);
    if (!field) return;
    field.focus({ preventScroll: true });
    // Typing replaces the suggestion ("45" over "100"), as on a handheld.
    if (typeof field.select === 'function') field.select();
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [askKey]);
  return (
    <Card
      ref={ref}
      withBorder
      radius="md"
      padding="sm"
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
      data-question="open"
      style={{
        background: 'var(--mantine-color-yellow-light)',
        borderColor: 'var(--mantine-color-yellow-filled)',
        borderWidth: 2,
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon color="yellow" variant="filled" radius="xl" size="md" aria-hidden>
            <IconHelpHexagon size={18} />
          </ThemeIcon>
          <div>
            <Text fw={700} id={titleId}>
              {title}
            </Text>
            {detail && <Text size="sm">{detail}</Text>}
          </div>
        </Group>
        {children}
      </Stack>
      {/* Said once per question, without moving the reader away from the focused field. */}
      <VisuallyHidden aria-live="assertive" aria-atomic="true">
        {said}
      </VisuallyHidden>
    </Card>
  );
}
