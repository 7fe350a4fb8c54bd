import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOpsPaymentSearch } from '../../api/index.ts';
import {
  Card,
  DateText,
  EmptyState,
  LoadingState,
  MoneyText,
  PageHeader,
  useDocumentTitle,
} from '../../ui/index.ts';
import { PaymentStatusBadge } from '../payments/PaymentStatusBadge.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { OpsError } from './OpsStates.tsx';

/**
 * `/ops/payments`: find any payment by confirmation number, payment ID or account number. The
 * search term stays in the page (never in the URL: an account number is personal data).
 */
export function OpsPaymentsPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('ops.payments.title'), brand.name);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const search = useOpsPaymentSearch(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const term = typed.trim();
    setTooShort(term.length < 3);
    if (term.length >= 3) setQ(term);
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('ops.payments.title')} description={t('ops.payments.intro')} />
      <Card>
        <Card.Section>
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('ops.payments.searchLabel')}
                description={t('ops.payments.searchHint')}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                error={tooShort ? t('ops.payments.tooShort') : undefined}
                autoComplete="off"
                style={{ flex: '1 1 16rem' }}
              />
              <Button type="submit" loading={search.isFetching}>
                {t('ops.payments.search')}
              </Button>
            </Group>
          </form>
        </Card.Section>
      </Card>
      {q === '' ? null : search.isPending ? (
        <LoadingState cards={1} />
      ) : search.isError ? (
        <OpsError error={search.error} onRetry={() => void search.refetch()} retrying={search.isFetching} />
      ) : search.data.data.length === 0 ? (
        <EmptyState title={t('ops.payments.none')} description={t('ops.payments.noneBody')} />
      ) : (
        <Card>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ops.payments.confirmation')}</Table.Th>
                  <Table.Th>{t('ops.payments.customer')}</Table.Th>
                  <Table.Th>{t('ops.payments.date')}</Table.Th>
                  <Table.Th>{t('ops.payments.status')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('ops.payments.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {search.data.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Link to={`/ops/payments/${encodeURIComponent(p.id)}`}>{p.confirmationNumber}</Link>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.customerName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <DateText value={p.effectiveDate ?? p.scheduledFor} />
                    </Table.Td>
                    <Table.Td>
                      <PaymentStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <MoneyText value={p.amount} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
