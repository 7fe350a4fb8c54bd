import { Button, Grid, Stack, Text } from '@mantine/core';
import type { AccountDetail, LoanSchedule } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoanSchedule } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, type Fact, FactList, MoneyText, ProgressMeter } from '../../ui/index.ts';
import { AccountPage, useAccountId } from '../payments/AccountPage.tsx';
import { BalanceChart } from './BalanceChart.tsx';
import classes from './loan.module.css';
import { TitleCard } from './TitleCard.tsx';
import { WhatIfCard } from './WhatIfCard.tsx';

/** `/accounts/:accountId/loan`: the loan explained; every figure comes from the server. */
export function LoanDetailsPage() {
  const { t } = useTranslation();
  const schedule = useLoanSchedule(useAccountId());
  return (
    <AccountPage title={t('loan.title')} queries={[schedule]}>
      {(account) => (schedule.data ? <LoanDetails account={account} schedule={schedule.data} /> : null)}
    </AccountPage>
  );
}

function LoanDetails({ account, schedule }: { account: AccountDetail; schedule: LoanSchedule }) {
  const active = account.status === 'active';
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <GlanceCard schedule={schedule} />
          <BalanceChart schedule={schedule} />
          <DisclosureCard schedule={schedule} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          {active && <WhatIfCard account={account} />}
          {active && <RequestsLinkCard accountId={account.id} />}
          {!active && <TitleCard accountId={account.id} />}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function GlanceCard({ schedule }: { schedule: LoanSchedule }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = schedule.paymentsMade + schedule.paymentsRemaining;
  const facts: Fact[] = [
    {
      key: 'principalPaid',
      label: t('loan.glance.principalPaid'),
      value: <MoneyText value={schedule.paidToDate.principal} fw={600} />,
    },
    {
      key: 'interestPaid',
      label: t('loan.glance.interestPaid'),
      value: <MoneyText value={schedule.paidToDate.interest} fw={600} />,
    },
    {
      key: 'remaining',
      label: t('loan.glance.paymentsRemaining'),
      value: format.integer(schedule.paymentsRemaining),
    },
    ...(schedule.nextDueDate
      ? [{ key: 'next', label: t('loan.glance.nextDue'), value: format.date(schedule.nextDueDate, 'medium') }]
      : []),
    ...(schedule.nextDueDate
      ? [
          {
            key: 'maturity',
            label: t('loan.glance.maturity'),
            value: format.date(schedule.maturityDate, 'medium'),
          },
        ]
      : []),
    ...(schedule.principalBalance.amount > 0
      ? [
          {
            key: 'perDiem',
            label: t('loan.glance.perDiem'),
            value: t('loan.glance.perDiemValue', { amount: format.money(schedule.perDiem) }),
          },
        ]
      : []),
  ];
  const progress = t('loan.glance.progressValue', { made: schedule.paymentsMade, total });
  return (
    <Card component="section" aria-labelledby="glance-title">
      <Card.Section>
        <Card.Title id="glance-title">{t('loan.glance.heading')}</Card.Title>
      </Card.Section>
      <Card.Section>
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {t('loan.glance.principal')}
            </Text>
            <MoneyText value={schedule.principalBalance} component="p" className={classes.headline} />
          </div>
          <ProgressMeter
            label={t('loan.glance.progress')}
            value={schedule.paymentsMade}
            max={total}
            valueText={progress}
            start={t('loan.glance.progress')}
            end={progress}
          />
          <FactList facts={facts} />
          {schedule.principalBalance.amount > 0 && (
            <Text size="sm" c="dimmed">
              {t('loan.glance.perDiemNote', { exact: `$${schedule.perDiemExact}` })}
            </Text>
          )}
        </Stack>
      </Card.Section>
    </Card>
  );
}

function DisclosureCard({ schedule }: { schedule: LoanSchedule }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = schedule.disclosure;
  const item = (key: 'apr' | 'financeCharge' | 'amountFinanced' | 'totalOfPayments', value: string) => ({
    key,
    label: (
      <>
        <Text component="span" fw={600} size="sm" display="block">
          {t(`loan.disclosure.${key}`)}
        </Text>
        <Text component="span" size="xs" c="dimmed">
          {t(`loan.disclosure.${key}Hint`)}
        </Text>
      </>
    ),
    value: <span className="tabular">{value}</span>,
  });
  const facts: Fact[] = [
    item('apr', `${format.decimal(d.annualPercentageRate)}%`),
    item('financeCharge', format.money(d.financeCharge)),
    item('amountFinanced', format.money(d.amountFinanced)),
    item('totalOfPayments', format.money(d.totalOfPayments)),
    {
      key: 'schedule',
      label: t('loan.disclosure.schedule'),
      value: (
        <Stack gap={2}>
          {d.paymentSchedule.map((line) => (
            <span key={line.firstDueDate}>
              {t('loan.disclosure.scheduleLine', {
                count: line.count,
                amount: format.money(line.amount),
                date: format.date(line.firstDueDate),
              })}
            </span>
          ))}
        </Stack>
      ),
    },
  ];
  return (
    <Card component="section" aria-labelledby="disclosure-title">
      <Card.Section>
        <Card.Title id="disclosure-title">{t('loan.disclosure.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('loan.disclosure.note')}
        </Text>
      </Card.Section>
      <Card.Section py={4}>
        <FactList facts={facts} />
      </Card.Section>
    </Card>
  );
}

function RequestsLinkCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="requests-link-title">
      <Card.Section>
        <Card.Title id="requests-link-title">{t('loan.requestsLink.heading')}</Card.Title>
        <Text size="sm" mt={4}>
          {t('loan.requestsLink.body')}
        </Text>
      </Card.Section>
      <Card.Section muted>
        <Button
          component={Link}
          to={`/accounts/${encodeURIComponent(accountId)}/requests`}
          variant="default"
          fullWidth
        >
          {t('loan.requestsLink.button')}
        </Button>
      </Card.Section>
    </Card>
  );
}
