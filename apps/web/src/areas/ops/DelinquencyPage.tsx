import '@mantine/charts/styles.layer.css';
import { BarChart } from '@mantine/charts';
import { NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { DelinquencyPage as Page } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DelinquencyBucketFilter, useDelinquency } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  ContractTypeBadge,
  CursorPager,
  DateText,
  EmptyState,
  IconCheckCircle,
  LoadingState,
  MoneyText,
  PageHeader,
  useCursorPages,
  useDocumentTitle,
} from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import classes from './cob.module.css';
import { OpsError } from './OpsStates.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The buckets the list filters on (the API lists delinquent accounts only: "current" is not one). */
const BUCKETS: DelinquencyBucketFilter[] = ['1-29', '30-59', '60-89', '90-119', '120+'];
/** The summary also shows "current" when the aging has rows for it. */
const SUMMARY_BUCKETS = ['current', ...BUCKETS];

/** Counts per bucket: a bar chart for the eye and the same numbers as a table. */
function BucketSummary({ counts, asOf }: { counts: Page['counts']; asOf: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bucketLabel = t as (k: string) => string;
  const rows = SUMMARY_BUCKETS.filter((b) => b !== 'current' || counts.current !== undefined).map((b) => ({
    bucket: bucketLabel(`cob.buckets.${b}`),
    key: b,
    accounts: counts[b] ?? 0,
  }));
  return (
    <Card component="section" aria-labelledby="delinquency-summary-heading">
      <Card.Section>
        <Card.Title id="delinquency-summary-heading">{t('cob.delinquency.summaryTitle')}</Card.Title>
        <Text size="sm" c="dimmed">
          {t('cob.delinquency.asOf', { date: format.date(asOf) })}
        </Text>
      </Card.Section>
      <Card.Section className={classes.summary}>
        <div aria-hidden="true">
          <BarChart
            h={220}
            data={rows}
            dataKey="bucket"
            series={[{ name: 'accounts', label: t('cob.delinquency.accounts'), color: 'orange.8' }]}
            withTooltip={false}
            barChartProps={{ accessibilityLayer: false }}
            gridAxis="y"
            withBarValueLabel
            yAxisProps={{ allowDecimals: false }}
          />
        </div>
        <Table>
          <VisuallyHidden component="caption">{t('cob.delinquency.summaryCaption')}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cob.delinquency.bucket')}</Table.Th>
              <Table.Th scope="col" className={classes.tableNumber}>
                {t('cob.delinquency.accounts')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500}>
                  {r.bucket}
                </Table.Th>
                <Table.Td className={`tabular ${classes.tableNumber}`}>{format.integer(r.accounts)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card.Section>
    </Card>
  );
}

/**
 * `/ops/delinquency`: accounts past due as of the last close, most days first, by bucket. There
 * is no ops account page yet, so account numbers are plain text.
 */
export function DelinquencyPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('cob.delinquency.title'), brand.name);
  const [bucket, setBucket] = useState<DelinquencyBucketFilter | null>(null);
  const pages = useCursorPages();
  const list = useDelinquency(bucket, pages.cursor);
  const bucketLabel = t as (k: string) => string;

  return (
    <Stack gap="lg">
      <PageHeader title={t('cob.delinquency.title')} description={t('cob.delinquency.intro')} />
      {list.isPending ? (
        <LoadingState cards={2} />
      ) : list.isError ? (
        <OpsError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <>
          <BucketSummary counts={list.data.counts} asOf={list.data.asOf} />
          <Card component="section" aria-labelledby="delinquency-list-heading">
            <Card.Section>
              <Stack gap="sm">
                <Card.Title id="delinquency-list-heading">{t('cob.delinquency.listTitle')}</Card.Title>
                <NativeSelect
                  label={t('cob.delinquency.filterLabel')}
                  value={bucket ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setBucket(BUCKETS.find((b) => b === value) ?? null);
                    pages.reset();
                  }}
                  data={[
                    { value: '', label: t('cob.delinquency.allBuckets') },
                    ...BUCKETS.map((b) => ({ value: b, label: bucketLabel(`cob.buckets.${b}`) })),
                  ]}
                  maw={320}
                />
              </Stack>
            </Card.Section>
            {list.data.data.length === 0 ? (
              <EmptyState
                icon={<IconCheckCircle size={24} />}
                title={t('cob.delinquency.emptyTitle')}
                description={t('cob.delinquency.emptyBody')}
                headingOrder={3}
              />
            ) : (
              <ScrollRegion label={t('cob.delinquency.tableLabel')} minWidth={820}>
                <Table striped aria-busy={list.isFetching}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('cob.delinquency.account')}</Table.Th>
                      <Table.Th scope="col">{t('cob.delinquency.customer')}</Table.Th>
                      <Table.Th scope="col">{t('cob.delinquency.bucket')}</Table.Th>
                      <Table.Th scope="col" className={classes.tableNumber}>
                        {t('cob.delinquency.daysPastDue')}
                      </Table.Th>
                      <Table.Th scope="col" className={classes.tableNumber}>
                        {t('cob.delinquency.pastDue')}
                      </Table.Th>
                      <Table.Th scope="col">{t('cob.delinquency.nextDue')}</Table.Th>
                      <Table.Th scope="col">{t('cob.delinquency.since')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.data.map((a) => (
                      <Table.Tr key={a.contractId}>
                        <Table.Td>
                          <Text size="sm" fw={600} className="tabular">
                            {a.accountNumber}
                          </Text>
                          <ContractTypeBadge type={a.type} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.customerName}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{bucketLabel(`cob.buckets.${a.bucket}`)}</Text>
                        </Table.Td>
                        <Table.Td className={`tabular ${classes.tableNumber}`}>{a.daysPastDue}</Table.Td>
                        <Table.Td className={classes.tableNumber}>
                          <MoneyText value={a.pastDue} size="sm" fw={600} />
                        </Table.Td>
                        <Table.Td>
                          {a.nextDueDate ? <DateText value={a.nextDueDate} size="sm" /> : '—'}
                        </Table.Td>
                        <Table.Td>
                          <DateText value={a.inBucketSince} size="sm" />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
          </Card>
          <CursorPager pages={pages} nextCursor={list.data.nextCursor} />
        </>
      )}
    </Stack>
  );
}
