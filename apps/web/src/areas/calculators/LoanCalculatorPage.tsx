import { Card, FactList } from '../../ui/index.ts';
import { CalculatorShell } from './CalculatorShell.tsx';
import { FieldGroup, FieldRow } from './FieldGroup.tsx';
import { Headline, money, Stats } from './Figures.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import type { FieldSpec } from './useCalculatorForm.ts';
import { useCalculatorPage } from './useCalculatorPage.ts';

const SPECS: readonly FieldSpec[] = [
  { name: 'vehiclePrice', kind: 'money', initial: '35000', required: true },
  { name: 'downPayment', kind: 'money', initial: '4000' },
  { name: 'tradeInValue', kind: 'money', initial: '' },
  { name: 'tradeInPayoff', kind: 'money', initial: '' },
  { name: 'taxRate', kind: 'percent', initial: '7.25' },
  { name: 'taxBase', kind: 'choice', initial: 'price-less-trade' },
  { name: 'docFee', kind: 'money', initial: '499' },
  { name: 'titleRegistrationFee', kind: 'money', initial: '325' },
  { name: 'apr', kind: 'percent', initial: '6.49', required: true },
  { name: 'termMonths', kind: 'months', initial: '60', required: true },
];

/** /calculators/loan: the payment and Truth in Lending figures of buying with a loan. */
export function LoanCalculatorPage() {
  const { t, format, form, field, r } = useCalculatorPage('loan', SPECS);

  return (
    <CalculatorShell
      kind="loan"
      state={form}
      form={
        <>
          <FieldGroup title={t('calculators.groups.vehicle')}>
            {field('vehiclePrice')}
            {field('downPayment')}
            {field('tradeInValue')}
            {field('tradeInPayoff')}
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.taxesFees')}>
            {field('taxBase', ['price-less-trade', 'price'])}
            {field('taxRate')}
            <FieldRow>
              {field('docFee')}
              {field('titleRegistrationFee')}
            </FieldRow>
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.loan')}>
            <FieldRow>
              {field('apr')}
              {field('termMonths')}
            </FieldRow>
          </FieldGroup>
        </>
      }
      summary={
        r && (
          <>
            <Headline
              label={t('calculators.loan.monthlyPayment')}
              value={r.monthlyPayment}
              note={t('calculators.loan.paymentNote', {
                count: r.numberOfPayments,
                apr: format.decimal(r.annualPercentageRate),
              })}
            />
            <Stats
              items={[
                { key: 'af', label: t('calculators.loan.amountFinanced'), value: money(r.amountFinanced) },
                { key: 'fc', label: t('calculators.loan.financeCharge'), value: money(r.financeCharge) },
                { key: 'tp', label: t('calculators.loan.totalOfPayments'), value: money(r.totalOfPayments) },
              ]}
            />
          </>
        )
      }
      details={
        r && (
          <Card component="section" aria-labelledby="loan-disclosure">
            <Card.Section>
              <Card.Title id="loan-disclosure">{t('calculators.loan.disclosureTitle')}</Card.Title>
            </Card.Section>
            <Card.Section>
              <FactList
                facts={[
                  {
                    key: 'apr',
                    label: t('calculators.loan.apr'),
                    value: `${format.decimal(r.annualPercentageRate)} %`,
                  },
                  { key: 'fc', label: t('calculators.loan.financeCharge'), value: money(r.financeCharge) },
                  { key: 'af', label: t('calculators.loan.amountFinanced'), value: money(r.amountFinanced) },
                  {
                    key: 'tp',
                    label: t('calculators.loan.totalOfPayments'),
                    value: money(r.totalOfPayments),
                  },
                  { key: 'ts', label: t('calculators.loan.totalSalePrice'), value: money(r.totalSalePrice) },
                  { key: 'tx', label: t('calculators.loan.salesTax'), value: money(r.salesTax) },
                  { key: 'fe', label: t('calculators.loan.fees'), value: money(r.fees) },
                  { key: 'nt', label: t('calculators.loan.netTradeIn'), value: money(r.netTradeIn) },
                  { key: 'fp', label: t('calculators.loan.finalPayment'), value: money(r.finalPayment) },
                ]}
              />
            </Card.Section>
          </Card>
        )
      }
      chart={
        r && (
          <SeriesChart
            title={t('calculators.loan.chartTitle')}
            summary={t('calculators.loan.chartSummary', {
              start: format.money(r.amountFinanced),
              count: r.numberOfPayments,
              interest: format.money(r.financeCharge),
            })}
            points={r.balances}
            series={[
              { key: 'balance', label: t('calculators.loan.balance'), color: 'brand.6' },
              { key: 'interestPaid', label: t('calculators.loan.interestPaid'), color: 'orange.7' },
            ]}
          />
        )
      }
    />
  );
}
