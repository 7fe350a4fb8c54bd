import '@mantine/charts/styles.layer.css';
import { LineChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { Money } from '@marque/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Card } from '../../ui/index.ts';
import classes from './calculators.module.css';

export interface SeriesSpec {
  key: string;
  label: string;
  color: string;
}

export interface SeriesChartProps {
  title: string;
  /** One sentence saying what the chart shows, with the figures that matter. */
  summary: string;
  points: ReadonlyArray<{ month: number } & Record<string, Money | number>>;
  series: readonly SeriesSpec[];
}

/** Every 12th month and the last one: what the table alternative lists. */
function yearly<T extends { month: number }>(points: readonly T[]): T[] {
  const last = points.at(-1);
  return points.filter((p) => p.month % 12 === 0 || p === last);
}

/**
 * A line chart of server figures over months, with its text alternative: a sentence and a
 * year-by-year table. Plotting divides cents by 100 for the axis only; every figure shown as
 * text comes formatted from the server's cents.
 */
export function SeriesChart({ title, summary, points, series }: SeriesChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const axis = new Intl.NumberFormat(format.locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 0,
  });
  const data = points.map((p) => {
    const row: Record<string, number> = { month: p.month };
    for (const s of series) row[s.key] = (p[s.key] as Money).amount / 100;
    return row;
  });
  return (
    <Card component="section" aria-labelledby={`${id}-title`}>
      <Card.Section>
        <Card.Title id={`${id}-title`}>{title}</Card.Title>
        <Text size="sm" c="dimmed" mt={4} id={`${id}-summary`}>
          {summary}
        </Text>
      </Card.Section>
      <Card.Section>
        <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
          <LineChart
            h={240}
            data={data}
            dataKey="month"
            series={series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
            curveType="monotone"
            withDots={false}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            valueFormatter={(v) => axis.format(v)}
            xAxisLabel={t('calculators.chartMonths')}
            gridAxis="y"
            xAxisProps={{ minTickGap: 24 }}
          />
        </div>
        <details>
          <summary>
            <Text component="span" size="sm" fw={600}>
              {t('calculators.showTable')}
            </Text>
          </summary>
          <div className={classes.tableWrap}>
            <Table striped mt="sm" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('calculators.tableMonth')}</Table.Th>
                  {series.map((s) => (
                    <Table.Th key={s.key} scope="col" ta="right">
                      {s.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {yearly(points).map((p) => (
                  <Table.Tr key={p.month}>
                    <Table.Th scope="row" fw={500}>
                      {format.integer(p.month)}
                    </Table.Th>
                    {series.map((s) => (
                      <Table.Td key={s.key} ta="right" className="tabular">
                        {format.money(p[s.key] as Money)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </details>
      </Card.Section>
    </Card>
  );
}
