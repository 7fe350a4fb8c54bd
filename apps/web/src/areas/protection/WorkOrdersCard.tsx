import { Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { WorkOrder, WorkOrderStatus } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useWorkOrders } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, EmptyState, ErrorState, LoadingState, type Tone, ToneBadge } from '../../ui/index.ts';
import classes from './protection.module.css';
import { useLooseT } from './text.ts';

const TONES: Record<WorkOrderStatus, Tone> = {
  open: 'info',
  in_progress: 'warning',
  completed: 'good',
  cancelled: 'neutral',
};

function WorkOrderItem({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  return (
    <li className={classes.item}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={600}>{order.complaint}</Text>
          <Text size="sm" c="dimmed">
            {t('protection.workOrders.number', { number: order.number })}
          </Text>
        </div>
        <ToneBadge tone={TONES[order.status]}>{lt(`protection.workOrders.status.${order.status}`)}</ToneBadge>
      </Group>
      <Text size="sm" mt={4}>
        {t('protection.workOrders.opened', {
          date: format.date(order.openedOn),
          miles: format.integer(order.odometer),
          dealer: order.dealer.name,
        })}
        {order.completedOn &&
          ` · ${t('protection.workOrders.completedOn', { date: format.date(order.completedOn) })}`}
      </Text>
      <table className={classes.table} style={{ marginTop: 8 }}>
        <caption>
          <VisuallyHidden>{t('protection.workOrders.caption', { number: order.number })}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('protection.workOrders.line')}</th>
            <th scope="col">{t('protection.workOrders.payer')}</th>
            <th scope="col">{t('protection.workOrders.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and never reorder
            <tr key={i}>
              <td>{line.description}</td>
              <td>
                {line.coveredBy
                  ? t('protection.workOrders.coveredBy', { name: line.coveredBy.name })
                  : t('protection.workOrders.payerCustomer')}
              </td>
              <td>{format.money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('protection.workOrders.covered')}
            </th>
            <td>{format.money(order.totals.covered)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t('protection.workOrders.customerPay')}
            </th>
            <td>
              <strong>{format.money(order.totals.customerPay)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </li>
  );
}

export function WorkOrdersCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const orders = useWorkOrders(accountId);
  let body: React.ReactNode;
  if (orders.data?.data.length) {
    body = (
      <ul className={classes.list}>
        {orders.data.data.map((o) => (
          <WorkOrderItem key={o.id} order={o} />
        ))}
      </ul>
    );
  } else if (orders.data) {
    body = (
      <EmptyState
        title={t('protection.workOrders.emptyTitle')}
        description={t('protection.workOrders.emptyBody')}
        headingOrder={3}
      />
    );
  } else if (orders.isPending) body = <LoadingState cards={1} />;
  else {
    body = (
      <ErrorState
        title={t('protection.errorTitle')}
        error={orders.error}
        onRetry={() => void orders.refetch()}
        retrying={orders.isFetching}
        headingOrder={3}
      />
    );
  }
  return (
    <Card component="section" aria-labelledby="work-orders-title">
      <Card.Section>
        <Card.Title id="work-orders-title">{t('protection.workOrders.heading')}</Card.Title>
      </Card.Section>
      <Card.Section>
        <Stack gap={0}>{body}</Stack>
      </Card.Section>
    </Card>
  );
}
