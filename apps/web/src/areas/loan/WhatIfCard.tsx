import { Button, Group, Stack, Text } from '@mantine/core';
import type { AccountDetail, WhatIf } from '@marque/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, useWhatIf } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, type Fact, FactList, MoneyText } from '../../ui/index.ts';
import { MoneyInput } from '../payments/MoneyInput.tsx';
import { parseDollars } from '../payments/money.ts';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import classes from './loan.module.css';

type Field = 'extraMonthly' | 'oneTime';
const FIELDS: readonly Field[] = ['extraMonthly', 'oneTime'];

/** What the pay flow preselects, passed as router state (never in the URL). */
export interface PrincipalPaymentState {
  prefill: { amount: number; principalOnly: true };
}

/** "Pay $X more a month" / "pay $Y once" → payoff date and interest saved, from the server. */
export function WhatIfCard({ account }: { account: AccountDetail }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Record<Field, string>>({ extraMonthly: '', oneTime: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [asked, setAsked] = useState<{ extraMonthly: number; oneTime: number } | null>(null);
  const result = useWhatIf(account.id, asked);
  const server = serverFieldErrors(result.error, FIELDS);
  const fieldError = (f: Field) => errors[f] ?? server[f]?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    const cents: Record<Field, number> = { extraMonthly: 0, oneTime: 0 };
    for (const f of FIELDS) {
      if (typed[f].trim() === '') continue;
      const parsed = parseDollars(typed[f]);
      if (parsed.ok) cents[f] = parsed.cents;
      else next[f] = t('loan.whatIf.invalid');
    }
    if (!next.extraMonthly && !next.oneTime && cents.extraMonthly === 0 && cents.oneTime === 0)
      next.extraMonthly = t('loan.whatIf.needOne');
    setErrors(next);
    if (Object.keys(next).length === 0) setAsked(cents);
  };

  const fieldLevel = isApiError(result.error) && Object.keys(server).length > 0;
  return (
    <Card component="section" aria-labelledby="whatif-title">
      <Card.Section>
        <Card.Title id="whatif-title">{t('loan.whatIf.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('loan.whatIf.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {FIELDS.map((f) => (
              <MoneyInput
                key={f}
                label={t(`loan.whatIf.${f}`)}
                description={t(`loan.whatIf.${f}Hint`)}
                value={typed[f]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setTyped((old) => ({ ...old, [f]: value }));
                }}
                error={fieldError(f)}
                aria-invalid={fieldError(f) ? true : undefined}
              />
            ))}
            <Button type="submit" loading={result.isFetching}>
              {t('loan.whatIf.calculate')}
            </Button>
          </Stack>
        </form>
      </Card.Section>
      {result.isError && !fieldLevel && (
        <Card.Section>
          <ErrorState headingOrder={3} title={t('loan.whatIf.error')} error={result.error} />
        </Card.Section>
      )}
      {result.data && !result.isError && (
        <Card.Section>
          <WhatIfResult accountId={account.id} result={result.data} />
        </Card.Section>
      )}
    </Card>
  );
}

function WhatIfResult({ accountId, result }: { accountId: string; result: WhatIf }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: Fact[] = [
    {
      key: 'saved',
      label: t('loan.whatIf.interestSaved'),
      value: <MoneyText value={result.interestSaved} fw={700} />,
    },
    {
      key: 'payments',
      label: t('loan.whatIf.paymentsSaved'),
      value: t('loan.whatIf.paymentsSavedValue', { count: result.paymentsSaved }),
    },
    {
      key: 'final',
      label: t('loan.whatIf.finalPayment'),
      value: <MoneyText value={result.scenario.finalPayment} />,
    },
  ];
  const pay = result.oneTime.amount > 0 ? result.oneTime : result.extraMonthly;
  const state: PrincipalPaymentState = { prefill: { amount: pay.amount, principalOnly: true } };
  return (
    <Stack gap="md" aria-live="polite">
      <div className={classes.result}>
        <Text size="sm" c="dimmed">
          {t('loan.whatIf.payoffDate')}
        </Text>
        <p className={classes.headline}>{format.date(result.scenario.payoffDate, 'long')}</p>
        <Text size="sm">
          {t('loan.whatIf.insteadOf', { date: format.date(result.current.payoffDate, 'long') })}
        </Text>
      </div>
      <FactList facts={facts} />
      <Group>
        <Button
          component={Link}
          to={`/accounts/${encodeURIComponent(accountId)}/pay`}
          state={state}
          fullWidth
        >
          {result.oneTime.amount > 0
            ? t('loan.whatIf.payOneTime', { amount: format.money(pay) })
            : t('loan.whatIf.payExtra', { amount: format.money(pay) })}
        </Button>
        <Text size="xs" c="dimmed">
          {t('loan.whatIf.payNote')}
        </Text>
      </Group>
    </Stack>
  );
}
