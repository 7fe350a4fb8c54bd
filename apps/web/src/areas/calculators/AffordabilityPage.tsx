import { Alert } from '@mantine/core';
import { Card, FactList } from '../../ui/index.ts';
import { CalculatorShell } from './CalculatorShell.tsx';
import { FieldGroup, FieldRow } from './FieldGroup.tsx';
import { Headline, money, Stats } from './Figures.tsx';
import type { FieldSpec } from './useCalculatorForm.ts';
import { useCalculatorPage } from './useCalculatorPage.ts';

const SPECS: readonly FieldSpec[] = [
  { name: 'monthlyBudget', kind: 'money', initial: '550', required: true },
  { name: 'downPayment', kind: 'money', initial: '3000' },
  { name: 'apr', kind: 'percent', initial: '6.49', required: true },
  { name: 'termMonths', kind: 'months', initial: '60', required: true },
  { name: 'taxRate', kind: 'percent', initial: '7.25' },
  { name: 'fees', kind: 'money', initial: '824' },
  // Income stays on this screen: never in the shareable link.
  { name: 'monthlyIncome', kind: 'money', initial: '', private: true },
];

const BAND_COLOR = { comfortable: 'teal', stretch: 'yellow', high: 'red' } as const;

/** /calculators/affordability: the vehicle price a monthly budget carries. */
export function AffordabilityPage() {
  const { t, format, form, field, r } = useCalculatorPage('affordability', SPECS);

  return (
    <CalculatorShell
      kind="affordability"
      state={form}
      form={
        <>
          <FieldGroup title={t('calculators.groups.budget')}>
            {field('monthlyBudget')}
            {field('downPayment')}
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.loan')}>
            <FieldRow>
              {field('apr')}
              {field('termMonths')}
            </FieldRow>
            <FieldRow>
              {field('taxRate')}
              {field('fees')}
            </FieldRow>
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.income')}>{field('monthlyIncome')}</FieldGroup>
        </>
      }
      summary={
        r && (
          <>
            <Headline
              label={t('calculators.affordability.vehiclePrice')}
              value={r.vehiclePrice}
              note={t('calculators.affordability.priceNote', { payment: format.money(r.monthlyPayment) })}
            />
            <Stats
              items={[
                {
                  key: 'af',
                  label: t('calculators.affordability.amountFinanced'),
                  value: money(r.amountFinanced),
                },
                { key: 'tx', label: t('calculators.affordability.salesTax'), value: money(r.salesTax) },
                {
                  key: 'tp',
                  label: t('calculators.affordability.totalOfPayments'),
                  value: money(r.totalOfPayments),
                },
              ]}
            />
            {r.paymentToIncome && (
              <Alert
                mt="md"
                color={BAND_COLOR[r.paymentToIncome.band]}
                title={t(`calculators.affordability.band.${r.paymentToIncome.band}`)}
              >
                {t('calculators.affordability.bandBody', {
                  percent: format.decimal(r.paymentToIncome.percent),
                })}
              </Alert>
            )}
          </>
        )
      }
      details={
        r && (
          <Card component="section" aria-labelledby="aff-details">
            <Card.Section>
              <Card.Title id="aff-details">{t('calculators.affordability.detailsTitle')}</Card.Title>
            </Card.Section>
            <Card.Section>
              <FactList
                facts={[
                  {
                    key: 'p',
                    label: t('calculators.affordability.vehiclePrice'),
                    value: money(r.vehiclePrice),
                  },
                  { key: 'tx', label: t('calculators.affordability.salesTax'), value: money(r.salesTax) },
                  { key: 'f', label: t('calculators.affordability.fees'), value: money(r.fees) },
                  {
                    key: 'd',
                    label: t('calculators.affordability.downPayment'),
                    value: money(r.downPayment),
                  },
                  {
                    key: 'af',
                    label: t('calculators.affordability.amountFinanced'),
                    value: money(r.amountFinanced),
                  },
                  {
                    key: 'mp',
                    label: t('calculators.affordability.monthlyPayment'),
                    value: money(r.monthlyPayment),
                  },
                  {
                    key: 'fc',
                    label: t('calculators.affordability.financeCharge'),
                    value: money(r.financeCharge),
                  },
                  {
                    key: 'tp',
                    label: t('calculators.affordability.totalOfPayments'),
                    value: money(r.totalOfPayments),
                  },
                ]}
              />
            </Card.Section>
          </Card>
        )
      }
    />
  );
}
