import { Card, FactList } from '../../ui/index.ts';
import { CalculatorShell } from './CalculatorShell.tsx';
import { FieldGroup, FieldRow } from './FieldGroup.tsx';
import { Headline, money, Stats } from './Figures.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import type { FieldSpec } from './useCalculatorForm.ts';
import { useCalculatorPage } from './useCalculatorPage.ts';

const SPECS: readonly FieldSpec[] = [
  { name: 'vehiclePrice', kind: 'money', initial: '39500', required: true },
  { name: 'msrp', kind: 'money', initial: '42000', required: true },
  { name: 'taxRate', kind: 'percent', initial: '7.25' },
  { name: 'downPayment', kind: 'money', initial: '3000' },
  { name: 'buyFees', kind: 'money', initial: '824' },
  { name: 'apr', kind: 'percent', initial: '6.49', required: true },
  { name: 'loanTermMonths', kind: 'months', initial: '60', required: true },
  { name: 'capCostReduction', kind: 'money', initial: '3000' },
  { name: 'residualPercent', kind: 'percent', initial: '58', required: true },
  { name: 'moneyFactor', kind: 'decimal', initial: '0.00250', required: true },
  { name: 'leaseTermMonths', kind: 'months', initial: '36', required: true },
  { name: 'acquisitionFee', kind: 'money', initial: '895' },
  { name: 'leaseFees', kind: 'money', initial: '450' },
  { name: 'dispositionFee', kind: 'money', initial: '395' },
  { name: 'valueAtHorizon', kind: 'money', initial: '' },
];

/** /calculators/buy-vs-lease: the same car bought or leased, compared over the lease term. */
export function BuyVsLeasePage() {
  const { t, format, form, field, r } = useCalculatorPage('buy-vs-lease', SPECS);
  const verdict =
    r &&
    (r.cheaper === 'same'
      ? t('calculators.buyVsLease.same', { count: r.horizonMonths })
      : t(`calculators.buyVsLease.${r.cheaper}Cheaper`, { count: r.horizonMonths }));

  return (
    <CalculatorShell
      kind="buy-vs-lease"
      state={form}
      form={
        <>
          <FieldGroup title={t('calculators.groups.vehicle')}>
            <FieldRow>
              {field('vehiclePrice')}
              {field('msrp')}
            </FieldRow>
            {field('taxRate')}
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.buy')}>
            <FieldRow>
              {field('downPayment')}
              {field('buyFees')}
            </FieldRow>
            <FieldRow>
              {field('apr')}
              {field('loanTermMonths')}
            </FieldRow>
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.lease')}>
            <FieldRow>
              {field('capCostReduction')}
              {field('residualPercent')}
            </FieldRow>
            <FieldRow>
              {field('moneyFactor')}
              {field('leaseTermMonths')}
            </FieldRow>
            <FieldRow>
              {field('acquisitionFee')}
              {field('leaseFees')}
            </FieldRow>
            {field('dispositionFee')}
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.assumptions')}>{field('valueAtHorizon')}</FieldGroup>
        </>
      }
      summary={
        r && (
          <>
            <Headline label={verdict ?? ''} value={r.savings} />
            <Stats
              items={[
                { key: 'bn', label: t('calculators.buyVsLease.buyNetCost'), value: money(r.buy.netCost) },
                { key: 'ln', label: t('calculators.buyVsLease.leaseNetCost'), value: money(r.lease.netCost) },
                { key: 'eq', label: t('calculators.buyVsLease.equity'), value: money(r.buy.equity) },
              ]}
            />
          </>
        )
      }
      details={
        r && (
          <Card component="section" aria-labelledby="bvl-details">
            <Card.Section>
              <Card.Title id="bvl-details">
                {t('calculators.buyVsLease.detailsTitle', { count: r.horizonMonths })}
              </Card.Title>
            </Card.Section>
            <Card.Section>
              <FactList
                facts={[
                  {
                    key: 'bm',
                    label: t('calculators.buyVsLease.buyMonthly'),
                    value: money(r.buy.monthlyPayment),
                  },
                  {
                    key: 'lm',
                    label: t('calculators.buyVsLease.leaseMonthly'),
                    value: money(r.lease.monthlyPayment),
                  },
                  { key: 'bp', label: t('calculators.buyVsLease.buyPaid'), value: money(r.buy.paid) },
                  { key: 'lp', label: t('calculators.buyVsLease.leasePaid'), value: money(r.lease.paid) },
                  {
                    key: 'v',
                    label: t('calculators.buyVsLease.valueAtHorizon'),
                    value: money(r.valueAtHorizon),
                  },
                  {
                    key: 'lb',
                    label: t('calculators.buyVsLease.loanBalance'),
                    value: money(r.buy.loanBalanceAtHorizon),
                  },
                  { key: 'eq', label: t('calculators.buyVsLease.equity'), value: money(r.buy.equity) },
                ]}
              />
            </Card.Section>
          </Card>
        )
      }
      chart={
        r && (
          <SeriesChart
            title={t('calculators.buyVsLease.chartTitle')}
            summary={t('calculators.buyVsLease.chartSummary', {
              count: r.horizonMonths,
              buy: format.money(r.buy.netCost),
              lease: format.money(r.lease.netCost),
            })}
            points={r.series}
            series={[
              { key: 'buyNetCost', label: t('calculators.buyVsLease.seriesBuy'), color: 'brand.6' },
              { key: 'leasePaid', label: t('calculators.buyVsLease.seriesLease'), color: 'orange.7' },
            ]}
          />
        )
      }
    />
  );
}
