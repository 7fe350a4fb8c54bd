import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAutopay } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, IconRefresh } from '../../ui/index.ts';
import { AutopayStatusBadge } from './AutopayStatusBadge.tsx';

/** On the account page: is autopay on, when is the next draft, and the way to set it up or change it. */
export function AutopayStatusCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const autopay = useAutopay(accountId);
  const data = autopay.data;
  const on = data?.status === 'active' || data?.status === 'paused';
  return (
    <Card component="section" aria-labelledby="autopay-card-title">
      <Card.Section>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Text component="span" c="brand.7" mt={2}>
            <IconRefresh size={22} />
          </Text>
          <div>
            <Group gap="xs">
              <Card.Title id="autopay-card-title">{t('autopay.cardTitle')}</Card.Title>
              {data && <AutopayStatusBadge status={data.status} />}
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {!data
                ? t('states.loading')
                : data.nextDraft
                  ? t('autopay.nextDraftLine', {
                      amount: format.money(data.nextDraft.amount),
                      date: format.date(data.nextDraft.date),
                    })
                  : on
                    ? t('autopay.noDraftLine')
                    : t('autopay.offLine')}
            </Text>
          </div>
        </Group>
      </Card.Section>
      <Card.Section muted>
        <Button
          component={Link}
          to={`/accounts/${encodeURIComponent(accountId)}/autopay`}
          variant="default"
          fullWidth
        >
          {on ? t('autopay.manage') : t('autopay.setUp')}
        </Button>
      </Card.Section>
    </Card>
  );
}
