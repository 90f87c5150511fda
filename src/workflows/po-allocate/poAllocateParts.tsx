/** The add-to-order page's pieces: the outcome, a matched part's offer card, the order's lines. */
import { Alert, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useObject } from '../../api/queries.ts';
import { LinesTable } from '../kit/LinesTable.tsx';
import type { PoLine } from '../kit/orderLines.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
import type { LineOffer, PoAllocateEvent, PoAllocateState } from './poAllocateMachine.ts';
import { alreadyOnOrder, outcomeSentence } from './poAllocateView.ts';
import { FailureAlert } from '../kit/FailureAlert.tsx';

export function Outcome({
  state,
  sku,
  orderRef,
}: {
  state: PoAllocateState;
  sku: (sp: number) => string | null;
  orderRef: string;
}) {
  const { t } = useTranslation('wf-po-allocate');
  const o = state.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed" data-testid="allocate-outcome">
        {state.order ? t('outcome.scanBarcode') : t('outcome.chooseOrder')}
      </Text>
    );
  }
  const text = outcomeSentence(o, sku, orderRef);
  if (o.kind === 'lineAdded') {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCheck />}
        title={t('outcome.lineAdded')}
        data-testid="allocate-outcome"
      >
        {text}
      </Alert>
    );
  }
  if (o.kind === 'offered') {
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconInfoCircle />}
        title={t('outcome.matched')}
        data-testid="allocate-outcome"
      >
        {text}
      </Alert>
    );
  }
  return (
    <FailureAlert title={t('outcome.notAdded')} data-testid="allocate-outcome">
      {text}
    </FailureAlert>
  );
}

export function OfferCard({
  offer,
  lines,
  busy,
  orderRef,
  dispatch,
  onSku,
}: {
  offer: LineOffer;
  lines: PoLine[];
  busy: boolean;
  orderRef: string;
  dispatch: (e: PoAllocateEvent) => void;
  onSku: (sp: number, sku: string) => void;
}) {
  const { t } = useTranslation('wf-po-allocate');
  const sp = useObject(`/api/company/part/${offer.supplierPart}/`);
  const summary = sp.data?.summary;
  useEffect(() => {
    if (summary?.title) onSku(offer.supplierPart, summary.title);
  }, [summary, offer.supplierPart, onSku]);
  const already = alreadyOnOrder(offer.supplierPart, lines);
  return (
    <Card withBorder radius="md" padding="sm" data-testid="line-offer">
      <Stack gap={6}>
        <Text fw={600} size="sm" data-testid="line-offer-title">
          {summary
            ? `${summary.title}${summary.part ? ` · ${summary.part.name}` : ''}`
            : t('offer.supplierPart', { pk: offer.supplierPart })}
        </Text>
        {summary?.facts.length ? (
          <Text size="xs" c="dimmed">
            {summary.facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}
          </Text>
        ) : null}
        {already && (
          <Text size="xs" c="orange">
            {already}
          </Text>
        )}
        <Group gap="xs" align="flex-end">
          <NumberInput
            label={t('offer.quantity')}
            min={1}
            value={offer.quantity}
            onChange={(v) => typeof v === 'number' && dispatch({ type: 'setOfferQuantity', id: offer.id, quantity: v })}
            w={120}
            data-testid="line-offer-quantity"
          />
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={busy}
            onClick={() => dispatch({ type: 'addLine', id: offer.id })}
            data-testid="line-offer-add"
          >
            {t('offer.add', { order: orderRef })}
          </Button>
          <Button variant="subtle" color="gray" onClick={() => dispatch({ type: 'dismissOffer', id: offer.id })}>
            {t('offer.skip')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The order's lines; the line just added is highlighted. */
export function AllocateLines({
  order,
  orderRef,
  lines,
  loading,
  highlight,
}: {
  order: number | null;
  orderRef: string;
  lines: PoLine[];
  loading: boolean;
  highlight: number | null;
}) {
  const { t } = useTranslation('wf-po-allocate');
  const { formatQuantity } = useFormat();
  if (!order) return null;
  return (
    <LinesTable
      testId="allocate-lines"
      rowTestId="allocate-line"
      title={t('lines.title', { order: orderRef })}
      firstColumn={t('lines.skuPart')}
      columns={[t('lines.quantity')]}
      rows={lines.map((l) => ({
        pk: l.pk,
        title: l.sku,
        detail: t('lines.detail', { part: l.partName, line: l.pk }),
        cells: [formatQuantity(l.ordered)],
      }))}
      empty={t('lines.empty')}
      loading={loading}
      highlight={highlight}
      minWidth={280}
    />
  );
}
