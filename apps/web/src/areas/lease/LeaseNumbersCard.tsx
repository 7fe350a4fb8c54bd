import { Alert, Text } from '@mantine/core';
import type { LeaseNumbers } from '@marque/contracts';
import { useFormat } from '../../i18n/format.ts';
import { Card, type Fact, FactList, MoneyText } from '../../ui/index.ts';
import { useLeaseT } from './leaseText.ts';

/** The contract's Regulation M disclosure. The lease rate is shown as a money factor, never an APR. */
export function LeaseNumbersCard({ numbers }: { numbers: LeaseNumbers }) {
  const t = useLeaseT();
  const format = useFormat();
  const money = (key: keyof LeaseNumbers, label = t(`numbers.${key}`)): Fact => ({
    key,
    label,
    value: <MoneyText value={numbers[key] as LeaseNumbers['residualValue']} fw={600} />,
  });
  const facts: Fact[] = [
    money('grossCapitalizedCost'),
    money('capitalizedCostReduction'),
    money('adjustedCapitalizedCost'),
    money('residualValue'),
    money('depreciation'),
    money('rentCharge'),
    { key: 'moneyFactor', label: t('numbers.moneyFactor'), value: format.decimal(numbers.moneyFactor) },
    {
      key: 'numberOfPayments',
      label: t('numbers.numberOfPayments'),
      value: format.integer(numbers.numberOfPayments),
    },
    money('baseMonthlyPayment'),
    money(
      'monthlyTax',
      t('numbers.monthlyTax', {
        rate: format.decimal(numbers.salesTaxRate.replace(/0+$/, '').replace(/\.$/, '')),
      }),
    ),
    money('totalMonthlyPayment'),
    money('totalOfPayments'),
    money('dispositionFee'),
    money('purchaseOptionFee'),
    {
      key: 'paymentsLeft',
      label: t('numbers.paymentsLeft'),
      value: t('numbers.paymentsLeftValue', {
        left: numbers.paymentsRemaining,
        total: numbers.numberOfPayments,
      }),
    },
  ];
  return (
    <Card component="section" aria-labelledby="lease-numbers-title">
      <Card.Section>
        <Card.Title id="lease-numbers-title">{t('numbers.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('numbers.intro')}
        </Text>
      </Card.Section>
      <Card.Section py={4}>
        <FactList facts={facts} />
      </Card.Section>
      <Card.Section muted py="sm">
        <Text size="sm">
          {t('numbers.rateNote', {
            mf: format.decimal(numbers.moneyFactor),
            estimate: format.decimal(numbers.leaseRateEstimate),
          })}
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('numbers.totalNote')}
        </Text>
        {!numbers.matchesContract && (
          <Alert color="yellow" mt="sm">
            {t('numbers.mismatch')}
          </Alert>
        )}
      </Card.Section>
    </Card>
  );
}
