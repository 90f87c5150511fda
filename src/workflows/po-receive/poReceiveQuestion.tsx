/**
 * Receive's questions: a label InvenTree could not book alone (no quantity, no location) or one the
 * "confirm the quantity" setting holds back. The newest is asked on top, in the kit's QuestionPanel
 * (focused, so "45 Enter" answers it); older ones wait under the scanner as small forms.
 */
import { Button, Card, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat, useLanguage } from '../../i18n/useLanguage.ts';
import { QuestionPanel } from '../kit/QuestionPanel.tsx';
import type { PendingReceipt, PoReceiveEvent, PoReceiveState } from './poReceiveMachine.ts';
import type { LocationOption } from './poReceiveParts.tsx';
import { missingWords, remaining, type Names } from './poReceiveView.ts';

interface ReceiptProps {
  receipt: PendingReceipt;
  state: PoReceiveState;
  names: Names;
  locationOptions: LocationOption[];
  dispatch: (e: PoReceiveEvent) => void;
}

// Made while rendering (components call useLanguage, so a language change re-renders them).
function lineTitle(receipt: PendingReceipt, names: Names): string {
  const line = names.lines.find((l) => l.pk === receipt.line);
  const words = line
    ? line.partName
      ? `${line.sku} · ${line.partName}`
      : line.sku
    : i18n.t('wf-po-receive:question.lineNumber', { pk: receipt.line });
  return i18n.t('wf-po-receive:question.lineOnOrder', { line: words, order: names.orderRef(receipt.order) });
}

function what(receipt: PendingReceipt): string {
  const onLabel =
    receipt.quantity !== null
      ? i18n.t('wf-po-receive:question.onLabel', { quantity: formatQuantity(receipt.quantity) })
      : i18n.t('wf-po-receive:question.noQuantity');
  const location = receipt.missing.includes('location');
  if (receipt.confirm)
    return location
      ? i18n.t('wf-po-receive:question.confirmLocation', { onLabel })
      : i18n.t('wf-po-receive:question.confirm', { onLabel });
  const missing = missingWords(receipt.missing);
  return location
    ? i18n.t('wf-po-receive:question.giveLocation', { onLabel, missing })
    : i18n.t('wf-po-receive:question.give', { onLabel, missing });
}

/** The fields and buttons of one receipt; Enter in a field receives it. */
function ReceiptFields({ receipt, state, names, locationOptions, dispatch }: ReceiptProps) {
  const { t } = useTranslation('wf-po-receive');
  const { decimalSeparator } = useFormat();
  const line = names.lines.find((l) => l.pk === receipt.line);
  const needsQty = receipt.missing.includes('quantity');
  const needsLoc = receipt.missing.includes('location');
  // null until the user types: the suggestion (the label's, else what is still to come) shows meanwhile.
  const [typed, setTyped] = useState<number | '' | null>(null);
  const suggested = receipt.quantity ?? remaining(line) ?? '';
  const qty = typed ?? suggested;
  const qtyRef = useRef<HTMLInputElement>(null);
  // A suggestion that arrives after the field was focused (the lines loaded) is selected too, so "45" replaces it.
  useEffect(() => {
    if (typed === null && qtyRef.current && document.activeElement === qtyRef.current) qtyRef.current.select();
  }, [suggested, typed]);
  const [loc, setLoc] = useState<string | null>(
    receipt.location ? String(receipt.location) : state.location ? String(state.location) : null,
  );
  const ready = (!needsQty || (typeof qty === 'number' && qty > 0)) && (!needsLoc || loc !== null);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!ready || state.inFlight !== null) return;
    dispatch({
      type: 'completeReceipt',
      id: receipt.id,
      quantity: typeof qty === 'number' ? qty : null,
      location: loc ? Number(loc) : null,
    });
  };
  return (
    <form onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        {needsQty && (
          <NumberInput
            label={receipt.confirm ? t('question.quantityInBox') : t('question.quantity')}
            min={0}
            decimalSeparator={decimalSeparator()}
            value={qty}
            onChange={(v) => setTyped(typeof v === 'number' ? v : '')}
            ref={qtyRef}
            miw={140}
            size="md"
            // The gun capture stays on: a label scanned now is a scan (≥ 4 characters at gun speed),
            // while a short "45⏎" lands here as an answer.
            data-testid="receipt-quantity"
          />
        )}
        {needsLoc && (
          <Select
            label={t('question.location')}
            searchable
            data={locationOptions}
            value={loc}
            onChange={setLoc}
            size="md"
            style={{ flex: '1 1 12rem' }}
            data-testid="receipt-location"
          />
        )}
        <Button
          type="submit"
          size="md"
          leftSection={<IconPackageImport size={18} />}
          disabled={!ready || state.inFlight !== null}
          data-testid="receipt-submit"
        >
          {receipt.confirm ? t('question.book') : t('question.receive')}
        </Button>
        <Button
          size="md"
          variant="subtle"
          color="gray"
          onClick={() => dispatch({ type: 'dismissReceipt', id: receipt.id })}
        >
          {t('question.skip')}
        </Button>
      </Group>
    </form>
  );
}

/** The newest waiting receipt, asked on top. */
export function ReceiptQuestion(props: ReceiptProps) {
  const { receipt, names } = props;
  const { t } = useTranslation('wf-po-receive');
  const title = receipt.confirm
    ? t('question.howMany', { line: lineTitle(receipt, names) })
    : t('question.moreInfo', { line: lineTitle(receipt, names) });
  return (
    <QuestionPanel title={title} detail={what(receipt)} askKey={receipt.id} testId="receipt-form">
      <ReceiptFields key={receipt.id} {...props} />
    </QuestionPanel>
  );
}

/** An older waiting receipt, under the scanner. */
export function ReceiptForm(props: ReceiptProps) {
  const { receipt, names } = props;
  useLanguage();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="receipt-waiting">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {lineTitle(receipt, names)}
        </Text>
        <Text size="xs" c="dimmed">
          {what(receipt)}
        </Text>
        <ReceiptFields {...props} />
      </Stack>
    </Card>
  );
}
