/**
 * The page every workflow fills: title and a "working" sign, the context fields, the scanner input
 * with the waiting scans and the result panel beside the lines/targets panel, the offline-queue
 * status and the session log. Phone: stacked; tablet/desktop: scanner and answers left, panel right.
 * Feedback (sound, flash) is the app layout's: FeedbackFlash is mounted once, there.
 */
import { Grid, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarcodeRefusal } from '../../api/barcodeLimits.ts';
import { OfflineQueueStatus } from '../../offline/OfflineQueueStatus.tsx';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { waitingText, type WaitingNoun } from './machine.ts';
import { ResultSheet } from './ResultSheet.tsx';
import type { Workflow } from './useWorkflow.ts';

/**
 * The scanner re-renders only when its own props change: every scan changes the page's state (the
 * log line, the card), and re-rendering the camera, gun and manual entry with it (~100 components)
 * delayed the scan's line and its answer on screen. The page passes stable callbacks.
 */
const StableScanInput = memo(ScanInput);

export interface WorkflowFrameProps {
  workflow: Workflow;
  /** data-testid of the page. */
  testId: string;
  title: string;
  intro: ReactNode;
  /** The context fields (order, location, …) above the scanner. */
  context?: ReactNode;
  /** What the workflow needs before it can go on (a QuestionPanel): on top, above context and scanner. */
  question?: ReactNode;
  /** Under the scanner: what came of the latest scan, and anything waiting for the user. */
  result: ReactNode;
  /** On phones, show `result` as a sheet over the camera; `key` names the result shown (null: none yet). */
  resultSheet?: { key: number | string | null; label: string };
  /** Beside the scanner: the order's lines, the targets. */
  panel?: ReactNode;
  /** Width of the scanner column from tablet up (of 12). */
  scannerSpan?: number;
  /**
   * The waiting scans' line: what they are called ('scan' | 'label'; an English pair is still read),
   * its data-testid, and what they wait for (already translated).
   */
  waiting?: { noun: WaitingNoun; testId?: string; reason?: string | null };
  /** The camera starts only when asked (a page whose point is not scanning). */
  cameraOnRequest?: boolean;
  /** The "working" sign in the title row (a page may show it elsewhere). */
  busyInTitle?: boolean;
  /** After the session log: dialogs. */
  children?: ReactNode;
  /** The title for screen readers only (Scan: the camera is the page). */
  titleHidden?: boolean;
  /** Scan's layout: the result, queue status and session log beside the scanner, not under it. */
  logBeside?: boolean;
  /** Width of the scanner column on large screens (of 12); default: as from tablet up. */
  scannerSpanLg?: number;
  /** A scan refused before sending (too long, NUL): the page logs it. */
  onRefused?: (event: ScanEvent, refusal: BarcodeRefusal) => void;
}

export function WorkflowFrame({
  workflow,
  testId,
  title,
  intro,
  context,
  question,
  result,
  panel,
  scannerSpan = 5,
  waiting,
  cameraOnRequest = false,
  busyInTitle = true,
  children,
  titleHidden = false,
  logBeside = false,
  scannerSpanLg,
  onRefused,
  resultSheet,
}: WorkflowFrameProps) {
  const { t } = useTranslation('kit');
  const { log, offlineQueue } = workflow;
  const shownResult = resultSheet ? (
    <ResultSheet resultKey={resultSheet.key} label={resultSheet.label}>
      {result}
    </ResultSheet>
  ) : (
    result
  );
  const scanner = (
    <StableScanInput
      onScan={workflow.onScan}
      onRepeat={workflow.onRepeat}
      onRefused={onRefused}
      autoStartCamera={!cameraOnRequest}
    />
  );
  const sessionLog = (
    <>
      {offlineQueue !== null && <OfflineQueueStatus />}
      <SessionLogView
        log={log.log}
        onRemove={log.remove}
        onClear={log.clear}
        onRetry={offlineQueue?.retry}
        onDiscard={offlineQueue?.discard}
        onUndo={workflow.onUndo}
      />
    </>
  );
  if (logBeside) {
    const lg = scannerSpanLg ?? scannerSpan;
    return (
      <div data-testid={testId}>
        {titleHidden && (
          <VisuallyHidden>
            <Title order={1}>{title}</Title>
          </VisuallyHidden>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: scannerSpan, lg: lg }}>{scanner}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 12 - scannerSpan, lg: 12 - lg }}>
            <Stack gap="md">
              {shownResult}
              {sessionLog}
            </Stack>
          </Grid.Col>
        </Grid>
        {children}
      </div>
    );
  }
  return (
    <Stack gap="md" data-testid={testId}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </div>
        {busyInTitle && workflow.busy && <Loader size="sm" aria-label={t('frame.working')} />}
      </Group>

      {question}
      {context}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: scannerSpan }}>
          <Stack gap="md">
            {scanner}
            {waiting && workflow.waiting > 0 && (
              <Text size="sm" c="dimmed" data-testid={waiting.testId}>
                {waitingText(workflow.waiting, waiting.noun, waiting.reason)}
              </Text>
            )}
            {shownResult}
          </Stack>
        </Grid.Col>
        {panel && <Grid.Col span={{ base: 12, sm: 12 - scannerSpan }}>{panel}</Grid.Col>}
      </Grid>

      {sessionLog}
      {children}
    </Stack>
  );
}
