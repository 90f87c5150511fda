/**
 * /stock/count?location=N — bin audit. The location's items (expected) beside what was counted:
 * counted, found here (belongs elsewhere, with "move here") and missing. Nothing is sent until
 * Submit; a count in progress is kept in this browser (survives a reload) until submitted.
 */
import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { scanBarcode } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { usePluginSettings } from '../../api/queries.ts';
import { getLocation, getStockItem, listStockAt, listTracking, STOCK_PATHS } from '../../api/stock.ts';
import { applyOnce, buildOperation, newOperationId } from '../../api/stockOnce.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  countLocationFromUrl,
  countQuery,
  countStep,
  initialCountState,
  missingItems,
  type CountEffect,
  type CountEvent,
  type CountLine,
  type CountState,
  type CountValue,
} from './countMachine.ts';
import { pageName } from '../../api/workflowNames.ts';
import { FailureAlert } from '../kit/FailureAlert.tsx';

const saveKey = (location: number) => `stockscan.count.v1.${location}`;

export default function CountPage() {
  const { t } = useTranslation('wf-stock-count');
  const { formatQuantity, decimalSeparator } = useFormat();
  const { connection, status } = useConnection();
  const [params] = useSearchParams();
  const wf = useWorkflow<CountState, CountEvent, CountEffect>({
    step: countStep,
    fromUrl: (p) => initialCountState(countLocationFromUrl(p)),
    toUrl: countQuery,
    offline: { route: '/stock/count', kinds: ['stock-count'] },
    perform: async (effect, io) => {
      switch (effect.kind) {
        case 'identify': {
          const v = scanBarcode(connection, effect.barcode).then((r): CountValue =>
            r.ok && r.match ? { kind: 'match', model: r.match.model, pk: r.match.pk } : { kind: 'noMatch' },
          );
          return { type: 'answer', to: 'identify', answer: await settle(v) };
        }
        case 'loadLocation': {
          const v = Promise.all([getLocation(connection, effect.pk), listStockAt(connection, effect.pk)]).then(
            ([location, items]): CountValue => ({ kind: 'location', location, items }),
          );
          return { type: 'answer', to: 'loadLocation', answer: await settle(v) };
        }
        case 'readItem':
          return {
            type: 'answer',
            to: 'readItem',
            answer: await settle(
              getStockItem(connection, effect.pk).then((item): CountValue => ({ kind: 'item', item })),
            ),
          };
        case 'moveHere': {
          const v = (async (): Promise<CountValue> => {
            const item = await getStockItem(connection, effect.pk);
            const op = buildOperation(
              'transfer',
              newOperationId(),
              { items: [{ pk: effect.pk, quantity: item?.quantity ?? 1 }], location: effect.location },
              'found during a count',
            );
            await applyOnce(connection, op, false);
            return { kind: 'moved' };
          })();
          return { type: 'answer', to: 'moveHere', answer: await settle(v) };
        }
        case 'submit': {
          const opId = newOperationId();
          const op = buildOperation('count', opId, { items: effect.lines }, effect.note);
          const write = {
            kind: 'stock-count' as const,
            path: STOCK_PATHS.count,
            body: { ...op.request },
            barcode: i18n.t('wf-stock-count:queue.barcode', { pk: effect.location }),
            context: i18n.t('wf-stock-count:queue.context', { count: effect.lines.length }),
          };
          const call = async (): Promise<CountValue> => {
            await applyOnce(connection, op, false);
            // What changed, as the server recorded it: each item's count entry (none: deleted at 0).
            const after = await Promise.all(
              effect.lines.map(async (l) => {
                const entries = await listTracking(connection, l.pk);
                const entry = entries?.find((e) => e.code === 10 && e.notes.includes(opId));
                return { pk: l.pk, quantity: entry ? Number(entry.deltas.quantity) : null };
              }),
            );
            return { kind: 'counted', after };
          };
          return answered('submit', await io.submit(write, null, call));
        }
      }
    },
    onStep: (before, _event, next, io) => {
      for (let i = before.ended; i < next.state.ended; i += 1) {
        const o = next.state.outcome;
        io.report(io.pending.take()?.logId, {
          tone: o?.kind === 'error' ? 'error' : 'info',
          result: o && 'message' in o ? o.message : '',
        });
      }
    },
  });
  const { state, dispatch } = wf;

  // A count in progress survives a reload: restored before the location loads, kept until submitted.
  const started = useRef(false);
  // Reads wait for the sign-in (in demo mode, for the simulation to be answering).
  useEffect(() => {
    if (started.current || status !== 'signed-in') return;
    started.current = true;
    const pk = countLocationFromUrl(params);
    if (pk === null) return;
    try {
      const saved = JSON.parse(localStorage.getItem(saveKey(pk)) ?? 'null') as CountLine[] | null;
      if (Array.isArray(saved)) dispatch({ type: 'restore', lines: saved });
    } catch {
      /* a damaged save is ignored */
    }
    dispatch({ type: 'open', pk });
  }, [params, dispatch, status]);
  useEffect(() => {
    if (state.location === null || state.expected === null) return;
    if (state.lines.length > 0) localStorage.setItem(saveKey(state.location), JSON.stringify(state.lines));
    else localStorage.removeItem(saveKey(state.location));
  }, [state.location, state.expected, state.lines]);
  useEffect(() => {
    if (state.outcome?.kind === 'submitted' && state.location !== null)
      localStorage.removeItem(saveKey(state.location));
  }, [state.outcome, state.location]);
  const pluginSettings = usePluginSettings();
  useEffect(() => {
    const prefix = (pluginSettings.data ?? []).find((s) => s.key === 'SHORT_BARCODE_PREFIX')?.value;
    if (typeof prefix === 'string') dispatch({ type: 'setShortPrefix', prefix });
  }, [pluginSettings.data, dispatch]);

  const o = state.outcome;
  const result =
    o?.kind === 'queued' ? (
      <QueuedOutcome id={o.id} barcode={t('queue.barcode', { pk: state.location ?? '' })} reason={o.reason} />
    ) : o?.kind === 'submitted' ? (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCheck />}
        title={t('sent.title')}
        data-testid="count-outcome"
        data-kind="submitted"
      >
        <Stack gap={2}>
          {o.changes.map((c) => (
            <Text size="sm" key={c.pk} data-testid={`count-change-${c.pk}`}>
              {c.after === null
                ? t('sent.deleted', {
                    item: t('names.item', { part: c.partName, pk: c.pk }),
                    before: formatQuantity(c.before),
                  })
                : t('sent.change', {
                    item: t('names.item', { part: c.partName, pk: c.pk }),
                    before: formatQuantity(c.before),
                    after: formatQuantity(c.after),
                  })}
            </Text>
          ))}
        </Stack>
      </Alert>
    ) : o?.kind === 'error' ? (
      <FailureAlert
        title={o.forbidden ? t('title.forbidden') : t('title.error')}
        data-testid="count-outcome"
        data-kind="error"
      >
        {o.message}
      </FailureAlert>
    ) : (
      <Text size="sm" c={o ? undefined : 'dimmed'} data-testid="count-outcome">
        {o?.kind === 'info' ? o.message : t('idle')}
      </Text>
    );

  const missing = missingItems(state);
  const panel = (
    <Card withBorder radius="md" padding="md" data-testid="count-list">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{state.locationName ?? t('list.noLocation')}</Text>
        {state.expected && (
          <Badge variant="light">
            {t('list.countedCount', { count: state.lines.length })} ·{' '}
            {t('list.missingCount', { count: missing.length })}
          </Badge>
        )}
      </Group>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.item')}</Table.Th>
              {/* Short headers stay on one line (a CJK word would otherwise break per character). */}
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t('list.expected')}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t('list.counted')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.lines.map((l) => (
              <Table.Tr
                key={l.item.pk}
                data-testid={`count-line-${l.item.pk}`}
                data-state={l.here ? 'counted' : 'found'}
              >
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {l.item.partName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    #{l.item.pk}
                    {l.here
                      ? ''
                      : ` · ${t('list.foundHere', { location: l.item.locationName ?? t('info.anotherLocation') })}`}
                  </Text>
                  {!l.here && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      mt={4}
                      disabled={wf.busy}
                      onClick={() => dispatch({ type: 'moveHere', pk: l.item.pk })}
                    >
                      {t('list.moveHere')}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {l.here && l.item.location === state.location ? formatQuantity(l.item.quantity) : '—'}
                </Table.Td>
                <Table.Td ta="right">
                  <NumberInput
                    size="xs"
                    w={80}
                    min={0}
                    decimalSeparator={decimalSeparator()}
                    value={l.counted}
                    onChange={(v) => typeof v === 'number' && dispatch({ type: 'setCount', pk: l.item.pk, counted: v })}
                    aria-label={t('list.countedFor', { pk: l.item.pk })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
            {missing.map((i) => (
              <Table.Tr key={i.pk} data-testid={`count-line-${i.pk}`} data-state="missing">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {i.partName}
                  </Text>
                  <Text size="xs" c="orange">
                    #{i.pk} · {t('list.missingLine')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatQuantity(i.quantity)}</Table.Td>
                <Table.Td ta="right">—</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="sm" align="flex-end" mt="sm" wrap="wrap">
        <TextInput
          label={t('list.note')}
          placeholder={t('list.notePlaceholder')}
          value={state.note}
          onChange={(e) => dispatch({ type: 'setNote', note: e.currentTarget.value })}
          style={{ flex: '1 1 12rem' }}
          data-testid="count-note"
        />
        <Button
          onClick={() => dispatch({ type: 'submit' })}
          disabled={wf.busy || !state.lines.some((l) => l.here)}
          data-testid="count-submit"
        >
          {t('list.submit')}
        </Button>
      </Group>
    </Card>
  );

  const context = (
    <NumberInput
      label={t('quantityNext')}
      min={0}
      decimalSeparator={decimalSeparator()}
      value={state.quantityNext ?? ''}
      onChange={(v) => dispatch({ type: 'setQuantityNext', quantity: typeof v === 'number' ? v : null })}
      maw={320}
      data-testid="count-quantity-next"
    />
  );

  // The page's one name (common area), said in the language in use.
  const title = pageName('countStock');
  return (
    <WorkflowFrame
      workflow={wf}
      testId="stock-count-page"
      title={title}
      intro={t('intro')}
      context={context}
      result={result}
      panel={panel}
      scannerSpan={5}
    />
  );
}
