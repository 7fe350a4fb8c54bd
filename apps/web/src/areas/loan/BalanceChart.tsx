import '@mantine/charts/styles.layer.css';
import { LineChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { LoanSchedule } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Card } from '../../ui/index.ts';
import classes from './loan.module.css';

interface Row {
  date: string;
  scheduled: number | null;
  actual: number | null;
}

/** Scheduled and actual points on one date axis; the chart plots dollars, the table shows the server's amounts. */
function mergePoints(schedule: LoanSchedule): Row[] {
  const byDate = new Map<string, Row>();
  const row = (date: string) => {
    const found = byDate.get(date);
    if (found) return found;
    const created: Row = { date, scheduled: null, actual: null };
    byDate.set(date, created);
    return created;
  };
  for (const p of schedule.scheduled) row(p.date).scheduled = p.balance.amount;
  for (const p of schedule.actual) row(p.date).actual = p.balance.amount;
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Scheduled vs actual principal over time, with a sentence and a table as its text alternative. */
export function BalanceChart({ schedule }: { schedule: LoanSchedule }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = mergePoints(schedule);
  const usd = (amount: number) => format.money({ amount, currency: 'USD' });
  const monthLabel = new Intl.DateTimeFormat(format.locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const paidOffOn =
    schedule.principalBalance.amount === 0 && schedule.nextDueDate === null
      ? schedule.actual.at(-1)?.date
      : undefined;
  const payoff = schedule.scheduled.at(-1)?.date ?? schedule.maturityDate;
  // Chart values in whole dollars: only the drawing scale, never shown as an amount.
  const data = rows.map((r) => ({
    date: monthLabel.format(Date.UTC(Number(r.date.slice(0, 4)), Number(r.date.slice(5, 7)) - 1, 15)),
    [t('loan.chart.scheduled')]: r.scheduled === null ? null : r.scheduled / 100,
    [t('loan.chart.actual')]: r.actual === null ? null : r.actual / 100,
  }));

  return (
    <Card component="section" aria-labelledby="chart-title">
      <Card.Section>
        <Card.Title id="chart-title">{t('loan.chart.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('loan.chart.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        <Text mb="sm">
          {paidOffOn
            ? t('loan.chart.paidOff', {
                date: format.date(paidOffOn, 'long'),
                payoff: format.date(payoff, 'long'),
              })
            : t('loan.chart.summary', {
                payoff: format.date(payoff, 'long'),
                actual: format.money(schedule.principalBalance),
              })}
        </Text>
        <div aria-hidden="true">
          <LineChart
            h={240}
            data={data}
            dataKey="date"
            series={[
              { name: t('loan.chart.scheduled'), color: 'gray.6', strokeDasharray: '5 5' },
              { name: t('loan.chart.actual'), color: 'brand.7' },
            ]}
            connectNulls
            lineChartProps={{ accessibilityLayer: false }}
            withDots={false}
            withLegend
            curveType="linear"
            valueFormatter={(v) => format.money({ amount: Math.round(v * 100), currency: 'USD' })}
            yAxisProps={{ width: 72, tickFormatter: (v: number) => `$${Math.round(v / 1000)}k` }}
            xAxisProps={{ minTickGap: 24 }}
          />
        </div>
        {schedule.ledgerOpenedOn && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('loan.chart.broughtForward', { date: format.date(schedule.ledgerOpenedOn) })}
          </Text>
        )}
        <details className={classes.details}>
          <summary>{t('loan.chart.showTable')}</summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className={classes.tableScroll} tabIndex={0} aria-label={t('loan.chart.tableCaption')}>
            <Table striped fz="sm">
              <caption className={classes.caption}>{t('loan.chart.tableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('loan.chart.date')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('loan.chart.scheduled')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('loan.chart.actual')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.date}>
                    <Table.Th scope="row" fw={400}>
                      {format.date(r.date)}
                    </Table.Th>
                    <Table.Td ta="right" className="tabular">
                      {r.scheduled === null ? t('loan.chart.noPoint') : usd(r.scheduled)}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {r.actual === null ? t('loan.chart.noPoint') : usd(r.actual)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        </details>
      </Card.Section>
    </Card>
  );
}
