/**
 * Allocate's question on top: an order with no open shipment is asked before the first scan
 * ("Create shipment", one tap), and a scan v291 could not place is asked "Which shipment?". The
 * reference field is focused, so typing a reference and Enter creates the shipment.
 */
import { Button, Group, TextInput } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { QuestionPanel } from '../kit/QuestionPanel.tsx';
import {
  nextShipmentReference,
  type SoAllocateEvent,
  type SoAllocateState,
  type SoQuestion,
} from './soAllocateMachine.ts';
import type { ShipmentRow } from './soOrderView.ts';

export function ShipmentQuestion({
  question,
  state,
  shipments,
  dispatch,
}: {
  question: Exclude<SoQuestion, null>;
  state: SoAllocateState;
  shipments: ShipmentRow[];
  dispatch: (e: SoAllocateEvent) => void;
}) {
  const open = shipments.filter((s) => s.open);
  const suggested = nextShipmentReference(shipments.map((s) => s.reference));
  // The user's text, until the suggestion changes under it (a shipment created elsewhere).
  const [typed, setTyped] = useState<{ for: string; text: string } | null>(null);
  const reference = typed && typed.for === suggested ? typed.text : suggested;
  const w = state.waiting;
  const busy = state.inFlight !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && reference.trim() !== '') dispatch({ type: 'createShipment', reference });
  };
  const title = question.kind === 'whichShipment' ? 'Which shipment?' : 'This order has no shipment yet';
  const detail =
    question.kind === 'whichShipment'
      ? `Nothing was allocated: ${
          open.length === 0
            ? 'this order has no open shipment.'
            : `this order has ${open.length} open shipments and InvenTree will not guess.`
        } ${w?.stockItem ? `Stock item #${w.stockItem}` : 'The item'} is sent again once you choose.`
      : 'InvenTree allocates a scan only into an open shipment: create one now, then scan.';
  return (
    <QuestionPanel title={title} detail={detail} askKey={question.kind} testId="so-question">
      {question.kind === 'whichShipment' && open.length > 0 && (
        <Group gap="xs">
          {open.map((s) => (
            <Button
              key={s.pk}
              size="md"
              variant="light"
              disabled={busy}
              onClick={() => dispatch({ type: 'chooseShipmentForWaiting', shipment: s.pk })}
            >
              Into {s.reference}
            </Button>
          ))}
        </Group>
      )}
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-end">
          <TextInput
            label="New shipment reference"
            size="md"
            value={reference}
            onChange={(e) => setTyped({ for: suggested, text: e.currentTarget.value })}
            style={{ flex: '1 1 8rem' }}
            data-testid="new-shipment-reference"
          />
          <Button
            type="submit"
            size="md"
            leftSection={<IconPackageExport size={18} />}
            disabled={busy || reference.trim() === ''}
            data-testid="create-shipment"
          >
            {question.kind === 'whichShipment' ? 'Create and allocate' : 'Create shipment'}
          </Button>
          {question.kind === 'whichShipment' && (
            <Button size="md" variant="subtle" color="gray" onClick={() => dispatch({ type: 'dismissWaiting' })}>
              Skip this item
            </Button>
          )}
        </Group>
      </form>
    </QuestionPanel>
  );
}
