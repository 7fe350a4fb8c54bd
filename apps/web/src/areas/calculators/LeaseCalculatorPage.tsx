import { Card, FactList } from '../../ui/index.ts';
import { CalculatorShell } from './CalculatorShell.tsx';
import { FieldGroup, FieldRow } from './FieldGroup.tsx';
import { Headline, money, Stats } from './Figures.tsx';
import type { FieldSpec } from './useCalculatorForm.ts';
import { useCalculatorPage } from './useCalculatorPage.ts';

const byPercent = (v: Record<string, string>) => v.residualMode !== 'amount';
const byMoneyFactor = (v: Record<string, string>) => v.rateMode !== 'percent';

const SPECS: readonly FieldSpec[] = [
  { name: 'msrp', kind: 'money', initial: '42000', required: true },
  { name: 'sellingPrice', kind: 'money', initial: '39500', required: true },
  { name: 'capCostReduction', kind: 'money', initial: '3000' },
  { name: 'residualMode', kind: 'choice', initial: 'percent', uiOnly: true },
  { name: 'residualPercent', kind: 'percent', initial: '58', required: true, when: byPercent },
  { name: 'residual', kind: 'money', initial: '24360', required: true, when: (v) => !byPercent(v) },
  { name: 'rateMode', kind: 'choice', initial: 'moneyFactor', uiOnly: true },
  { name: 'moneyFactor', kind: 'decimal', initial: '0.00250', required: true, when: byMoneyFactor },
  { name: 'aprEquivalent', kind: 'percent', initial: '6', required: true, when: (v) => !byMoneyFactor(v) },
  { name: 'term', kind: 'months', initial: '36', required: true },
  { name: 'taxRate', kind: 'percent', initial: '7.25' },
  { name: 'taxMethod', kind: 'choice', initial: 'monthly' },
  { name: 'acquisitionFee', kind: 'money', initial: '895' },
  { name: 'capitalizeAcquisitionFee', kind: 'toggle', initial: 'true' },
  { name: 'upfrontFees', kind: 'money', initial: '450' },
  { name: 'dispositionFee', kind: 'money', initial: '395' },
];

/**
 * /calculators/lease: the Regulation M figures of a lease. The rate is a money factor and is
 * called "lease rate (money factor)" everywhere on this page; a percent can be entered instead and
 * is converted on the server, shown as converted.
 */
export function LeaseCalculatorPage() {
  const { t, format, form, field, r } = useCalculatorPage('lease', SPECS);
  const rate =
    r &&
    (r.leaseRate.source === 'converted-from-percent' && r.leaseRate.enteredPercent !== null
      ? t('calculators.lease.rateConverted', {
          mf: format.decimal(r.leaseRate.moneyFactor),
          percent: format.decimal(r.leaseRate.enteredPercent),
        })
      : format.decimal(r.leaseRate.moneyFactor));

  return (
    <CalculatorShell
      kind="lease"
      state={form}
      form={
        <>
          <FieldGroup title={t('calculators.groups.vehicle')}>
            <FieldRow>
              {field('msrp')}
              {field('sellingPrice')}
            </FieldRow>
            {field('capCostReduction')}
            {field('residualMode', ['percent', 'amount'])}
            {field('residualPercent')}
            {field('residual')}
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.lease')}>
            {field('rateMode', ['moneyFactor', 'percent'])}
            <FieldRow>
              {field('moneyFactor')}
              {field('aprEquivalent')}
              {field('term')}
            </FieldRow>
          </FieldGroup>
          <FieldGroup title={t('calculators.groups.taxesFees')}>
            {field('taxMethod', ['monthly', 'upfront-payments', 'upfront-price'])}
            <FieldRow>
              {field('taxRate')}
              {field('dispositionFee')}
            </FieldRow>
            <FieldRow>
              {field('acquisitionFee')}
              {field('upfrontFees')}
            </FieldRow>
            {field('capitalizeAcquisitionFee')}
          </FieldGroup>
        </>
      }
      summary={
        r && (
          <>
            <Headline
              label={t('calculators.lease.totalMonthlyPayment')}
              value={r.totalMonthlyPayment}
              note={t('calculators.lease.paymentNote', { count: r.term })}
            />
            <Stats
              items={[
                {
                  key: 'due',
                  label: t('calculators.lease.amountDueAtSigning'),
                  value: money(r.amountDueAtSigning),
                },
                {
                  key: 'base',
                  label: t('calculators.lease.baseMonthlyPayment'),
                  value: money(r.baseMonthlyPayment),
                },
                { key: 'rate', label: t('calculators.lease.leaseRate'), value: rate },
              ]}
            />
          </>
        )
      }
      details={
        r && (
          <Card component="section" aria-labelledby="lease-disclosure">
            <Card.Section>
              <Card.Title id="lease-disclosure">{t('calculators.lease.disclosureTitle')}</Card.Title>
            </Card.Section>
            <Card.Section>
              <FactList
                facts={[
                  { key: 'g', label: t('calculators.lease.grossCapCost'), value: money(r.grossCapCost) },
                  {
                    key: 'r',
                    label: t('calculators.lease.capCostReduction'),
                    value: money(r.capCostReduction),
                  },
                  {
                    key: 'a',
                    label: t('calculators.lease.adjustedCapCost'),
                    value: money(r.adjustedCapCost),
                  },
                  { key: 'res', label: t('calculators.lease.residual'), value: money(r.residual) },
                  { key: 'd', label: t('calculators.lease.depreciation'), value: money(r.depreciation) },
                  { key: 'rc', label: t('calculators.lease.rentCharge'), value: money(r.rentCharge) },
                  { key: 'lr', label: t('calculators.lease.leaseRate'), value: rate },
                  {
                    key: 'b',
                    label: t('calculators.lease.baseMonthlyPayment'),
                    value: money(r.baseMonthlyPayment),
                  },
                  { key: 'mt', label: t('calculators.lease.monthlyTax'), value: money(r.monthlyTax) },
                  { key: 'ut', label: t('calculators.lease.upfrontTax'), value: money(r.upfrontTax) },
                  {
                    key: 'tm',
                    label: t('calculators.lease.totalMonthlyPayment'),
                    value: money(r.totalMonthlyPayment),
                  },
                  {
                    key: 'ds',
                    label: t('calculators.lease.amountDueAtSigning'),
                    value: money(r.amountDueAtSigning),
                  },
                  {
                    key: 'tp',
                    label: t('calculators.lease.totalOfPayments'),
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
