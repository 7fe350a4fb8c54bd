import { Button, Group, Stack, Text } from '@mantine/core';
import type { ProtectionProduct, ProtectionStatus } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useProtectionProducts } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  ProgressMeter,
  type Tone,
  ToneBadge,
} from '../../ui/index.ts';
import classes from './protection.module.css';
import { useLooseT } from './text.ts';

const TONES: Record<ProtectionStatus, Tone> = { active: 'good', expired: 'neutral', cancelled: 'neutral' };

function ProductItem({
  product,
  onCancel,
}: {
  product: ProtectionProduct;
  onCancel: (p: ProtectionProduct) => void;
}) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  const { coverage, usage } = product;
  const until =
    coverage.endMiles === null
      ? t('protection.products.noMileLimit', { date: format.date(coverage.endDate) })
      : t('protection.products.untilMiles', {
          date: format.date(coverage.endDate),
          miles: format.integer(coverage.endMiles),
        });
  const timeText = t('protection.products.timeValue', {
    used: format.integer(usage.daysUsed),
    total: format.integer(usage.daysTotal),
  });
  const milesText =
    usage.milesTotal === null
      ? ''
      : t('protection.products.milesValue', {
          used: format.integer(usage.milesUsed),
          total: format.integer(usage.milesTotal),
        });
  return (
    <li className={classes.item} data-testid={`product-${product.kind}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={600}>{product.name}</Text>
          <Text size="sm" c="dimmed">
            {lt(`protection.kinds.${product.kind}`)} ·{' '}
            {t('protection.products.provider', { provider: product.provider })}
          </Text>
        </div>
        <ToneBadge tone={TONES[product.status]}>
          {lt(`protection.products.status.${product.status}`)}
        </ToneBadge>
      </Group>
      <Text size="sm" mt={6}>
        {t('protection.products.until')}: {until}
      </Text>
      <Text size="sm">
        {t('protection.products.price')}: {format.money(product.price)} ·{' '}
        {product.financed ? t('protection.products.financed') : t('protection.products.paidOutright')}
        {product.coverage.deductible.amount > 0 &&
          ` · ${t('protection.products.deductible')}: ${format.money(product.coverage.deductible)}`}
      </Text>
      {product.status !== 'cancelled' && (
        <div className={classes.meters}>
          <ProgressMeter
            label={`${product.name}: ${t('protection.products.time')}`}
            value={usage.daysUsed}
            max={usage.daysTotal}
            valueText={timeText}
            start={t('protection.products.time')}
            end={timeText}
          />
          {usage.milesTotal !== null && (
            <ProgressMeter
              label={`${product.name}: ${t('protection.products.miles')}`}
              value={usage.milesUsed}
              max={usage.milesTotal}
              valueText={milesText}
              start={t('protection.products.miles')}
              end={milesText}
            />
          )}
        </div>
      )}
      {product.cancellation && (
        <Text size="sm" mt={6}>
          {t('protection.products.cancelled', {
            date: format.date(product.cancellation.date),
            amount: format.money(product.cancellation.refund),
          })}
        </Text>
      )}
      {product.cancellable && (
        <Button
          variant="default"
          size="sm"
          mt="sm"
          onClick={() => onCancel(product)}
          aria-label={t('protection.products.cancelLabel', { name: product.name })}
        >
          {t('protection.products.cancel')}
        </Button>
      )}
    </li>
  );
}

export function ProductsCard({
  accountId,
  onCancel,
}: {
  accountId: string;
  onCancel: (p: ProtectionProduct) => void;
}) {
  const { t } = useTranslation();
  const products = useProtectionProducts(accountId);
  let body: React.ReactNode;
  if (products.data?.data.length) {
    body = (
      <ul className={classes.list}>
        {products.data.data.map((p) => (
          <ProductItem key={p.id} product={p} onCancel={onCancel} />
        ))}
      </ul>
    );
  } else if (products.data) {
    body = (
      <EmptyState
        title={t('protection.products.emptyTitle')}
        description={t('protection.products.emptyBody')}
        headingOrder={3}
      />
    );
  } else if (products.isPending) body = <LoadingState cards={1} />;
  else {
    body = (
      <ErrorState
        title={t('protection.errorTitle')}
        error={products.error}
        onRetry={() => void products.refetch()}
        retrying={products.isFetching}
        headingOrder={3}
      />
    );
  }
  return (
    <Card component="section" aria-labelledby="products-title">
      <Card.Section>
        <Card.Title id="products-title">{t('protection.products.heading')}</Card.Title>
      </Card.Section>
      <Card.Section>
        <Stack gap={0}>{body}</Stack>
      </Card.Section>
    </Card>
  );
}
