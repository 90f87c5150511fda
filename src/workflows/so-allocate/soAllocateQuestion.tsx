/**
 * Allocate's question on top: an order with no open shipment is asked before the first scan
 * ("Create shipment", one tap), and a scan v291 could not place is asked "Which shipment?". The
 * reference field is focused, so typing a reference and Enter creates the shipment.
 */
import { Button, Group, TextInput } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('wf-so-allocate');
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
  const title = question.kind === 'whichShipment' ? t('question.which.title') : t('question.none.title');
  const item = w?.stockItem ? t('question.which.item', { pk: w.stockItem }) : t('question.which.theItem');
  const detail =
    question.kind === 'whichShipment'
      ? open.length === 0
        ? t('question.which.noneOpen', { item })
        : t('question.which.severalOpen', { item, count: open.length })
      : t('question.none.detail');
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
              {t('question.which.into', { reference: s.reference })}
            </Button>
          ))}
        </Group>
      )}
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('question.newReference')}
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
            {question.kind === 'whichShipment' ? t('question.createAndAllocate') : t('question.create')}
          </Button>
          {question.kind === 'whichShipment' && (
            <Button size="md" variant="subtle" color="gray" onClick={() => dispatch({ type: 'dismissWaiting' })}>
              {t('question.skip')}
            </Button>
          )}
        </Group>
      </form>
    </QuestionPanel>
  );
}
