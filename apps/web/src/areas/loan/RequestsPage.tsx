import { Alert, Button, NativeSelect, Stack, Text } from '@mantine/core';
import type {
  AccountDetail,
  AccountRequest,
  AccountRequestKind,
  AccountRequestQuote,
} from '@marque/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useAccountRequests, useRequestQuote, useSubmitRequest } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  ChoiceCards,
  EmptyState,
  ErrorState,
  type Fact,
  FactList,
  LoadingState,
  MoneyText,
  type Tone,
  ToneBadge,
} from '../../ui/index.ts';
import { AccountPage, useAccountId } from '../payments/AccountPage.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';

const DAYS = Array.from({ length: 28 }, (_, i) => i + 1);
const STATUS_TONE: Record<AccountRequest['status'], Tone> = {
  pending: 'info',
  approved: 'good',
  denied: 'neutral',
};

/** `/accounts/:accountId/requests`: ask for a due-date change or an extension, seeing the cost first. */
export function RequestsPage() {
  const { t } = useTranslation();
  const requests = useAccountRequests(useAccountId());
  return (
    <AccountPage title={t('loan.requests.title')} queries={[requests]}>
      {(account) => (
        <Stack gap="lg" maw={720}>
          {account.type === 'loan' && account.status === 'active' && account.nextPayment ? (
            <RequestForm account={account} />
          ) : (
            <Card>
              <Card.Section>
                <Text>{t('loan.requests.loansOnly')}</Text>
              </Card.Section>
            </Card>
          )}
          <RequestList requests={requests.data?.data ?? []} />
        </Stack>
      )}
    </AccountPage>
  );
}

function RequestForm({ account }: { account: AccountDetail }) {
  const { t } = useTranslation();
  const currentDay = Number(account.nextPayment?.dueDate.slice(8) ?? '0');
  const [kind, setKind] = useState<AccountRequestKind>('due_date_change');
  const [dueDay, setDueDay] = useState<number | null>(null);
  const [payments, setPayments] = useState<number | null>(null);
  const [sent, setSent] = useState(false);
  const value = kind === 'due_date_change' ? dueDay : payments;
  const quote = useRequestQuote(account.id, kind, value);
  const submit = useSubmitRequest(account.id);
  const errors = serverFieldErrors(quote.error ?? submit.error, ['dueDay', 'payments'] as const);
  const pending = isApiError(submit.error) && submit.error.code === 'request_pending';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (value === null || !quote.data) return;
    setSent(false);
    submit.mutate(kind === 'due_date_change' ? { kind, dueDay: value } : { kind, payments: value }, {
      onSuccess: () => setSent(true),
    });
  };

  return (
    <Card component="section" aria-labelledby="request-form-title">
      <Card.Section>
        <Card.Title id="request-form-title">{t('loan.requests.formHeading')}</Card.Title>
      </Card.Section>
      <Card.Section>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <ChoiceCards
              legend={t('loan.requests.kindLegend')}
              name="kind"
              columns={2}
              value={kind}
              onChange={(v) => {
                setKind(v);
                setSent(false);
                submit.reset();
              }}
              choices={(['due_date_change', 'extension'] as const).map((k) => ({
                value: k,
                label: t(`loan.requests.kind.${k}`),
                hint: t(`loan.requests.kindHint.${k}`),
              }))}
            />
            {kind === 'due_date_change' ? (
              <NativeSelect
                label={t('loan.requests.dueDay')}
                description={t('loan.requests.dueDayHint', { day: currentDay })}
                value={dueDay === null ? '' : String(dueDay)}
                onChange={(e) => {
                  setDueDay(e.currentTarget.value ? Number(e.currentTarget.value) : null);
                  setSent(false);
                }}
                data={[
                  { value: '', label: '—' },
                  ...DAYS.filter((d) => d !== currentDay).map((d) => ({
                    value: String(d),
                    label: t('loan.requests.dueDayOption', { day: d }),
                  })),
                ]}
                error={errors.dueDay?.message}
              />
            ) : (
              <ChoiceCards
                legend={t('loan.requests.paymentsLegend')}
                name="payments"
                columns={2}
                value={payments === null ? null : (String(payments) as '1' | '2')}
                onChange={(v) => {
                  setPayments(Number(v));
                  setSent(false);
                }}
                choices={(['1', '2'] as const).map((n) => ({
                  value: n,
                  label: t('loan.requests.payments', { count: Number(n) }),
                }))}
                error={errors.payments?.message}
              />
            )}
            {quote.isFetching && !quote.data && <LoadingState cards={1} />}
            {quote.isError && Object.keys(errors).length === 0 && (
              <ErrorState headingOrder={3} title={t('loan.requests.quoteError')} error={quote.error} />
            )}
            {quote.data && value !== null && <QuoteFacts quote={quote.data} />}
            {pending && <Alert color="yellow">{t('loan.requests.pending')}</Alert>}
            {sent && (
              <Alert color="green" role="status">
                {t('loan.requests.sent')}
              </Alert>
            )}
            <Button type="submit" disabled={!quote.data || value === null} loading={submit.isPending}>
              {t('loan.requests.submit')}
            </Button>
          </Stack>
        </form>
      </Card.Section>
    </Card>
  );
}

function QuoteFacts({ quote }: { quote: AccountRequestQuote }) {
  const { t } = useTranslation();
  const format = useFormat();
  const change = (from: string, to: string) => t('loan.requests.change', { from, to });
  const facts: Fact[] = [
    {
      key: 'next',
      label: t('loan.requests.nextDue'),
      value: change(format.date(quote.currentNextDueDate), format.date(quote.newNextDueDate)),
    },
    {
      key: 'accruing',
      label:
        quote.extraDays === null
          ? t('loan.requests.accruing')
          : t('loan.requests.accruingDays', { count: quote.extraDays }),
      value: <MoneyText value={quote.accruingInterest} fw={600} />,
    },
    {
      key: 'extra',
      label: t('loan.requests.extraInterest'),
      value: <MoneyText value={quote.extraInterest} fw={700} />,
    },
    {
      key: 'final',
      label: t('loan.requests.finalPayment'),
      value: change(format.money(quote.currentFinalPayment), format.money(quote.newFinalPayment)),
    },
    {
      key: 'maturity',
      label: t('loan.requests.maturity'),
      value: change(format.date(quote.currentMaturityDate), format.date(quote.newMaturityDate)),
    },
  ];
  return (
    <section aria-labelledby="cost-title" aria-live="polite">
      <Text id="cost-title" fw={700} component="h3" size="lg" m={0}>
        {t('loan.requests.costHeading')}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('loan.requests.costIntro')}
      </Text>
      <FactList facts={facts} />
    </section>
  );
}

function RequestList({ requests }: { requests: AccountRequest[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card component="section" aria-labelledby="request-list-title">
      <Card.Section>
        <Card.Title id="request-list-title">{t('loan.requests.listHeading')}</Card.Title>
      </Card.Section>
      {requests.length === 0 ? (
        <Card.Section>
          <EmptyState
            headingOrder={3}
            title={t('loan.requests.empty')}
            description={t('loan.requests.emptyBody')}
          />
        </Card.Section>
      ) : (
        requests.map((r) => (
          <Card.Section key={r.id}>
            <Stack gap={4}>
              <Text fw={600}>
                {r.kind === 'due_date_change'
                  ? t('loan.requests.summary.due_date_change', { day: r.quote.dueDay })
                  : t('loan.requests.summary.extension', { count: r.quote.payments ?? 1 })}
              </Text>
              <div>
                <ToneBadge tone={STATUS_TONE[r.status]}>{t(`loan.requests.status.${r.status}`)}</ToneBadge>
              </div>
              <Text size="sm" c="dimmed">
                {t('loan.requests.requestedOn', { date: format.dateTime(r.createdAt) })}
              </Text>
              {r.decisionNote && (
                <Text size="sm">{t('loan.requests.decisionNote', { note: r.decisionNote })}</Text>
              )}
            </Stack>
          </Card.Section>
        ))
      )}
    </Card>
  );
}
