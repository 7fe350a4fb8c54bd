import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOpsPayment } from '../../api/index.ts';
import {
  Card,
  DateText,
  type Fact,
  FactList,
  LoadingState,
  MoneyText,
  PageHeader,
  useDocumentTitle,
} from '../../ui/index.ts';
import { PaymentStatusBadge } from '../payments/PaymentStatusBadge.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { OpsError } from './OpsStates.tsx';

/** `/ops/payments/:paymentId`: one payment and every journal entry it caused, debits and credits. */
export function OpsPaymentPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const { paymentId = '' } = useParams();
  const detail = useOpsPayment(paymentId);
  useDocumentTitle(t('ops.payments.detailTitle'), brand.name);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/ops/payments" size="sm">
        {t('ops.payments.back')}
      </Anchor>
      {detail.isPending ? (
        <LoadingState cards={2} />
      ) : detail.isError ? (
        <OpsError error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
      ) : (
        <>
          <PageHeader
            title={t('ops.payments.detailHeading', { number: detail.data.payment.confirmationNumber })}
            description={detail.data.payment.customerName}
          />
          <Card>
            <Card.Section>
              <FactList
                facts={
                  [
                    {
                      key: 'amount',
                      label: t('ops.payments.amount'),
                      value: <MoneyText value={detail.data.payment.amount} fw={600} />,
                    },
                    {
                      key: 'status',
                      label: t('ops.payments.status'),
                      value: <PaymentStatusBadge status={detail.data.payment.status} />,
                    },
                    {
                      key: 'account',
                      label: t('ops.payments.account'),
                      value: detail.data.payment.accountNumber,
                    },
                    {
                      key: 'method',
                      label: t('ops.payments.method'),
                      value: detail.data.payment.paymentMethod.label,
                    },
                    {
                      key: 'date',
                      label: t('ops.payments.date'),
                      value: (
                        <DateText
                          value={detail.data.payment.effectiveDate ?? detail.data.payment.scheduledFor}
                        />
                      ),
                    },
                    ...(detail.data.payment.returnCode
                      ? [
                          {
                            key: 'return',
                            label: t('ops.payments.returnCode'),
                            value: detail.data.payment.returnCode,
                          },
                        ]
                      : []),
                  ] satisfies Fact[]
                }
              />
            </Card.Section>
          </Card>
          <Card component="section" aria-labelledby="journal-title">
            <Card.Section>
              <Card.Title id="journal-title">{t('ops.payments.journal')}</Card.Title>
            </Card.Section>
            {detail.data.journal.length === 0 ? (
              <Card.Section>
                <Text c="dimmed">{t('ops.payments.noJournal')}</Text>
              </Card.Section>
            ) : (
              detail.data.journal.map((entry) => (
                <Card.Section key={entry.id}>
                  <Text fw={650}>{entry.description}</Text>
                  <Text size="sm" c="dimmed">
                    {t('ops.payments.entryMeta', {
                      kind: entry.kind,
                      effective: entry.effectiveDate,
                      booked: entry.bookingDate,
                    })}
                  </Text>
                  <Table.ScrollContainer minWidth={420}>
                    <Table mt="xs">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('ops.payments.ledgerAccount')}</Table.Th>
                          <Table.Th style={{ textAlign: 'right' }}>{t('ops.payments.debit')}</Table.Th>
                          <Table.Th style={{ textAlign: 'right' }}>{t('ops.payments.credit')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {entry.lines.map((line) => (
                          <Table.Tr key={`${entry.id}-${line.account}`}>
                            <Table.Td>
                              <code>{line.account}</code>
                            </Table.Td>
                            <Table.Td style={{ textAlign: 'right' }}>
                              {line.debit ? <MoneyText value={line.debit} /> : ''}
                            </Table.Td>
                            <Table.Td style={{ textAlign: 'right' }}>
                              {line.credit ? <MoneyText value={line.credit} /> : ''}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Card.Section>
              ))
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
