import { Button, Stack, Text, TextInput } from '@mantine/core';
import type { AccountDetail, PayoffQuote } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { payoffLetterHref, usePayoffQuote } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, type Fact, FactList, LoadingState, MoneyText } from '../../ui/index.ts';
import { addDaysIso, isWithin } from './dates.ts';

/** Payoff quotes are good for at most this many days ahead (the server's rule too). */
const QUOTE_WINDOW_DAYS = 30;

/** The amount that pays the account off by a chosen date, with the per diem after it. */
export function PayoffQuoteCard({ account }: { account: AccountDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [typed, setTyped] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const quote = usePayoffQuote(account.id, date);
  const today = quote.data?.quoteDate;
  const last = today ? addDaysIso(today, QUOTE_WINDOW_DAYS) : undefined;
  const typedError =
    typed && today && last && !isWithin(typed, today, last)
      ? t('payoff.dateRange', { from: format.date(today), to: format.date(last) })
      : undefined;

  return (
    <Card component="section" aria-labelledby="payoff-title">
      <Card.Section>
        <Card.Title id="payoff-title">{t(`payoff.title.${account.type}`)}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t(`payoff.intro.${account.type}`)}
        </Text>
      </Card.Section>
      <Card.Section>
        {quote.isPending ? (
          <LoadingState cards={1} />
        ) : quote.isError && !quote.data ? (
          <ErrorState
            headingOrder={3}
            title={t('payoff.error')}
            error={quote.error}
            onRetry={() => void quote.refetch()}
            retrying={quote.isFetching}
          />
        ) : (
          <Stack gap="md">
            <TextInput
              type="date"
              label={t('payoff.dateLabel')}
              min={today}
              max={last}
              value={typed || (quote.data?.goodThrough ?? '')}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTyped(value);
                if (today && last && isWithin(value, today, last)) setDate(value);
              }}
              error={typedError}
            />
            {quote.data && <QuoteFigures quote={quote.data} account={account} />}
            {quote.data && (
              <Button
                component="a"
                href={payoffLetterHref(
                  account.id,
                  quote.data.goodThrough,
                  i18n.language === 'es' ? 'es' : 'en',
                )}
                download
                variant="subtle"
              >
                {t('payoff.letter')}
              </Button>
            )}
          </Stack>
        )}
      </Card.Section>
      {account.status === 'active' && account.type === 'loan' && (
        <Card.Section muted>
          <Button
            component={Link}
            to={`/accounts/${encodeURIComponent(account.id)}/pay?amount=payoff`}
            variant="default"
            fullWidth
          >
            {t('payoff.payNow')}
          </Button>
        </Card.Section>
      )}
    </Card>
  );
}

function QuoteFigures({ quote, account }: { quote: PayoffQuote; account: AccountDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (key: string, label: string, value: PayoffQuote['payoff']): Fact => ({
    key,
    label,
    value: <MoneyText value={value} fw={600} />,
  });
  const facts: Fact[] = [
    money('principal', t(`payoff.principal.${account.type}`), quote.principal),
    ...(quote.interest.amount > 0 ? [money('interest', t('payoff.interest'), quote.interest)] : []),
    ...(quote.fees.amount > 0 ? [money('fees', t('payoff.fees'), quote.fees)] : []),
    // A lease shows the purchase option price and its tax apart (the quote's `lease` parts).
    ...(quote.lease
      ? [
          money('residual', t('payoff.residual'), quote.lease.purchasePrice),
          ...(quote.lease.purchaseTax.amount > 0
            ? [money('purchaseTax', t('payoff.purchaseTax'), quote.lease.purchaseTax)]
            : []),
        ]
      : quote.residual
        ? [money('residual', t('payoff.residual'), quote.residual)]
        : []),
  ];
  return (
    <Stack gap="sm" aria-live="polite">
      <div>
        <Text size="sm" c="dimmed">
          {t('payoff.goodThrough', { date: format.date(quote.goodThrough, 'long') })}
        </Text>
        <MoneyText value={quote.payoff} fw={800} fz={28} component="p" m={0} />
      </div>
      <FactList facts={facts} />
      {quote.perDiem.amount > 0 && (
        <Text size="sm">
          {t('payoff.perDiem', { amount: format.money(quote.perDiem), date: format.date(quote.goodThrough) })}
        </Text>
      )}
    </Stack>
  );
}
