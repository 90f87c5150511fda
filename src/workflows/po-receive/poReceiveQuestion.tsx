/**
 * Receive's questions: a label InvenTree could not book alone (no quantity, no location) or one the
 * "confirm the quantity" setting holds back. The newest is asked on top, in the kit's QuestionPanel
 * (focused, so "45 Enter" answers it); older ones wait under the scanner as small forms.
 */
import { Button, Card, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { QuestionPanel } from '../kit/QuestionPanel.tsx';
import { formatQuantity as fmt } from '../kit/text.ts';
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

function lineTitle(receipt: PendingReceipt, names: Names): string {
  const line = names.lines.find((l) => l.pk === receipt.line);
  return `${line ? `${line.sku}${line.partName ? ` · ${line.partName}` : ''}` : `Line #${receipt.line}`} on ${names.orderRef(receipt.order)}`;
}

function what(receipt: PendingReceipt): string {
  const onLabel = receipt.quantity !== null ? `${fmt(receipt.quantity)} on the label. ` : 'No quantity on the label. ';
  if (receipt.confirm)
    return `${onLabel}Nothing is booked until you confirm${receipt.missing.includes('location') ? ' (and give the location, or scan a location label)' : ''}.`;
  return `${onLabel}Give ${missingWords(receipt.missing)}${receipt.missing.includes('location') ? ' (or scan a location label)' : ''}; nothing is received yet.`;
}

/** The fields and buttons of one receipt; Enter in a field receives it. */
function ReceiptFields({ receipt, state, names, locationOptions, dispatch }: ReceiptProps) {
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
            label={receipt.confirm ? 'Quantity in the box' : 'Quantity'}
            min={0}
            value={qty}
            onChange={(v) => setTyped(typeof v === 'number' ? v : '')}
            ref={qtyRef}
            w={140}
            size="md"
            // The gun capture stays on: a label scanned now is a scan (≥ 4 characters at gun speed),
            // while a short "45⏎" lands here as an answer.
            data-testid="receipt-quantity"
          />
        )}
        {needsLoc && (
          <Select
            label="Location"
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
          {receipt.confirm ? 'Book it' : 'Receive'}
        </Button>
        <Button
          size="md"
          variant="subtle"
          color="gray"
          onClick={() => dispatch({ type: 'dismissReceipt', id: receipt.id })}
        >
          Skip
        </Button>
      </Group>
    </form>
  );
}

/** The newest waiting receipt, asked on top. */
export function ReceiptQuestion(props: ReceiptProps) {
  const { receipt, names } = props;
  const title = receipt.confirm
    ? `How many? ${lineTitle(receipt, names)}`
    : `More information needed: ${lineTitle(receipt, names)}`;
  return (
    <QuestionPanel title={title} detail={what(receipt)} askKey={receipt.id} testId="receipt-form">
      <ReceiptFields key={receipt.id} {...props} />
    </QuestionPanel>
  );
}

/** An older waiting receipt, under the scanner. */
export function ReceiptForm(props: ReceiptProps) {
  const { receipt, names } = props;
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
