import '@mantine/charts/styles.layer.css';
import { LineChart } from '@mantine/charts';
import type { LeaseMileage } from '@marque/contracts';
import { useFormat } from '../../i18n/format.ts';
import classes from './lease.module.css';
import { useLeaseT } from './leaseText.ts';

/**
 * Miles driven since delivery against the allowance line, with the projection to maturity.
 * Decorative for screen readers: MileageCard gives the same facts as a sentence and a table.
 */
export function MileageChart({ mileage }: { mileage: LeaseMileage }) {
  const t = useLeaseT();
  const format = useFormat();
  const data = mileage.points.map((p) => ({
    date: format.date(p.date),
    allowance: p.allowance,
    actual: p.actual,
    projected: p.projected,
  }));
  return (
    <div className={classes.chart} aria-hidden="true">
      <LineChart
        h={240}
        data={data}
        dataKey="date"
        curveType="linear"
        connectNulls
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={(v) => format.integer(v)}
        yAxisProps={{ width: 64 }}
        // Recharts makes the chart focusable for keyboard tooltips; it is aria-hidden here (the text
        // alternative carries the facts), so it must not take focus.
        lineChartProps={{ accessibilityLayer: false }}
        series={[
          {
            name: 'allowance',
            label: t('mileage.series.allowance'),
            color: 'gray.6',
            strokeDasharray: '6 4',
          },
          { name: 'actual', label: t('mileage.series.actual'), color: 'brand.6' },
          {
            name: 'projected',
            label: t('mileage.series.projected'),
            color: 'orange.8',
            strokeDasharray: '3 3',
          },
        ]}
      />
    </div>
  );
}
