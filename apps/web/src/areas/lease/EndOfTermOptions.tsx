import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Money, EndOfTermOptions as Options } from '@marque/contracts';
import type { ReactNode } from 'react';
import { useFormat } from '../../i18n/format.ts';
import { Card, MoneyText, ToneBadge } from '../../ui/index.ts';
import classes from './lease.module.css';
import { useLeaseT } from './leaseText.ts';

function Line({
  label,
  value,
  strong,
  ruled = strong,
}: {
  label: string;
  value: Money;
  strong?: boolean;
  /** A rule above: for a total under its parts. */
  ruled?: boolean | undefined;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" className={ruled ? classes.total : undefined}>
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      <MoneyText value={value} fw={strong ? 800 : 600} size={strong ? 'lg' : 'sm'} />
    </Group>
  );
}

function Option({
  id,
  title,
  body,
  children,
}: {
  id: string;
  title: string;
  body: string;
  children: ReactNode;
}) {
  return (
    <Card component="article" aria-labelledby={id} className={classes.option}>
      <Card.Section>
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {body}
        </Text>
      </Card.Section>
      <Card.Section className={classes.optionBody}>
        <Stack gap={6}>{children}</Stack>
      </Card.Section>
    </Card>
  );
}

/** Return, buy, extend, new vehicle: four cards side by side on a desktop, stacked on a phone. */
export function EndOfTermOptions({ options }: { options: Options }) {
  const t = useLeaseT();
  const format = useFormat();
  const rate = options.buy.salesTaxRate.replace(/0+$/, '').replace(/\.$/, '');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" className={classes.options}>
      <Option id="option-return" title={t('end.return.title')} body={t('end.return.body')}>
        <Line label={t('end.return.dispositionFee')} value={options.return.dispositionFee} />
        <Line label={t('end.return.mileage')} value={options.return.excessMileage} />
        <Line label={t('end.return.wear')} value={options.return.wear} />
        <Line label={t('end.return.total')} value={options.return.total} strong />
      </Option>
      <Option id="option-buy" title={t('end.buy.title')} body={t('end.buy.body')}>
        <Line label={t('end.buy.residual')} value={options.buy.residual} />
        <Line label={t('end.buy.fee')} value={options.buy.purchaseOptionFee} />
        <Line label={t('end.buy.tax', { rate: format.decimal(rate) })} value={options.buy.tax} />
        {options.buy.remainingBalance.amount > 0 && (
          <Line label={t('end.buy.remaining')} value={options.buy.remainingBalance} />
        )}
        <Line label={t('end.buy.total')} value={options.buy.total} strong />
        <Text size="sm" mt={4}>
          {t('end.buy.finance', {
            payment: format.money(options.buy.financing.monthlyPayment),
            months: options.buy.financing.termMonths,
            apr: format.decimal(options.buy.financing.apr),
          })}
        </Text>
      </Option>
      <Option
        id="option-extend"
        title={t('end.extend.title')}
        body={t('end.extend.body', { months: options.extend.maxMonths })}
      >
        <Line label={t('end.extend.payment')} value={options.extend.monthlyPayment} strong ruled={false} />
        <Text size="sm">{t('end.extend.samePayment')}</Text>
      </Option>
      <Option id="option-new" title={t('end.newVehicle.title')} body={t('end.newVehicle.body')}>
        {options.newVehicle.dispositionFeeWaived && (
          <div>
            <ToneBadge tone="good">{t('end.newVehicle.waived')}</ToneBadge>
          </div>
        )}
        <Text size="sm">
          {t('end.newVehicle.call', {
            dealer: options.newVehicle.dealerName,
            phone: options.newVehicle.dealerPhone,
          })}
        </Text>
      </Option>
    </SimpleGrid>
  );
}
