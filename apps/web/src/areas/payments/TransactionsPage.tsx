import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type Transaction, TransactionType } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TransactionFilters,
  transactionsCsvHref,
  useAccountPayments,
  useTransactions,
} from '../../api/index.ts';
import { Card, CursorPager, IconDownload, ListStates, useCursorPages } from '../../ui/index.ts';
import { AccountPage, useAccountId } from './AccountPage.tsx';
import { isIsoDate } from './dates.ts';
import { TransactionCards, TransactionTable } from './TransactionViews.tsx';

/** Every kind a customer can filter by (settlements are the lender's own bookkeeping, never listed). */
const TYPES = TransactionType.options.filter((type) => type !== 'settlement');

/** `/accounts/:accountId/transactions`: history with filters, running balance, splits and CSV. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const accountId = useAccountId();
  const [filters, setFilters] = useState<TransactionFilters>({});
  const pages = useCursorPages();
  const rangeError =
    filters.from && filters.to && filters.from > filters.to ? t('transactions.rangeError') : undefined;
  const applied = rangeError ? { ...filters, to: undefined } : filters;
  const transactions = useTransactions(accountId, applied, pages.cursor);

  const change = (patch: TransactionFilters) => {
    const next = { ...filters, ...patch };
    // A half-typed date is not sent: the browser's date field gives '' or a whole date.
    if (next.from && !isIsoDate(next.from)) next.from = undefined;
    if (next.to && !isIsoDate(next.to)) next.to = undefined;
    setFilters(next);
    pages.reset();
  };

  return (
    <AccountPage
      title={t('transactions.title')}
      actions={
        <Button
          component="a"
          href={transactionsCsvHref(accountId, applied)}
          download
          variant="default"
          leftSection={<IconDownload size={18} />}
        >
          {t('transactions.downloadCsv')}
        </Button>
      }
    >
      {() => (
        <Stack gap="lg">
          <Card component="section" aria-labelledby="filters-title">
            <Card.Section>
              <Card.Title id="filters-title" order={2}>
                {t('transactions.filtersTitle')}
              </Card.Title>
            </Card.Section>
            <Card.Section>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <NativeSelect
                  size="md"
                  label={t('transactions.typeLabel')}
                  value={filters.type ?? ''}
                  data={[
                    { value: '', label: t('transactions.allTypes') },
                    ...TYPES.map((type) => ({ value: type, label: t(`transactions.type.${type}`) })),
                  ]}
                  onChange={(e) =>
                    change({ type: (e.currentTarget.value || undefined) as TransactionFilters['type'] })
                  }
                />
                <TextInput
                  type="date"
                  label={t('transactions.fromLabel')}
                  value={filters.from ?? ''}
                  max={filters.to}
                  onChange={(e) => change({ from: e.currentTarget.value || undefined })}
                />
                <TextInput
                  type="date"
                  label={t('transactions.toLabel')}
                  value={filters.to ?? ''}
                  min={filters.from}
                  onChange={(e) => change({ to: e.currentTarget.value || undefined })}
                  error={rangeError}
                />
              </SimpleGrid>
              {(filters.type || filters.from || filters.to) && (
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="subtle"
                    onClick={() => change({ type: undefined, from: undefined, to: undefined })}
                  >
                    {t('transactions.clearFilters')}
                  </Button>
                </Group>
              )}
            </Card.Section>
          </Card>

          <Card component="section" aria-labelledby="history-title" aria-busy={transactions.isFetching}>
            <Card.Section>
              <Card.Title id="history-title" order={2}>
                {t('transactions.historyTitle')}
              </Card.Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('transactions.historyNote')}
              </Text>
            </Card.Section>
            <Card.Section>
              <ListStates
                query={transactions}
                empty={{ title: t('transactions.emptyTitle'), description: t('transactions.emptyBody') }}
              >
                {(rows) => (
                  <Stack gap="md">
                    <History accountId={accountId} rows={rows} />
                    <CursorPager pages={pages} nextCursor={transactions.data?.nextCursor} />
                  </Stack>
                )}
              </ListStates>
            </Card.Section>
          </Card>
        </Stack>
      )}
    </AccountPage>
  );
}

/** A table on wide screens, a stacked list on phones; returned payments carry the bank's reason. */
function History({ accountId, rows }: { accountId: string; rows: Transaction[] }) {
  const wide = useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });
  const anyReturned = rows.some((row) => row.payment?.status === 'returned');
  // The reason of a return is on the payment: read the payments only when a returned one is shown.
  const payments = useAccountPayments(accountId, null, 100, anyReturned);
  const reasons = new Map(
    (payments.data?.data ?? []).map((p) => [p.id, { code: p.returnCode, reason: p.returnReason }]),
  );
  return wide ? (
    <TransactionTable rows={rows} reasons={reasons} />
  ) : (
    <TransactionCards rows={rows} reasons={reasons} />
  );
}
