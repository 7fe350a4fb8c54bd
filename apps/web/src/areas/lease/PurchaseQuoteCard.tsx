import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { purchaseQuoteHref } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card } from '../../ui/index.ts';
import { addDaysIso, isWithin } from '../payments/dates.ts';
import { useLeaseT } from './leaseText.ts';

/** Purchase quotes are good for at most this many days ahead (the server's rule too). */
const QUOTE_WINDOW_DAYS = 30;

/** The purchase quote letter, good through a chosen date, in the page's language. */
export function PurchaseQuoteCard({ accountId, today }: { accountId: string; today: string }) {
  const t = useLeaseT();
  const format = useFormat();
  const last = addDaysIso(today, QUOTE_WINDOW_DAYS);
  const [date, setDate] = useState(today);
  const valid = isWithin(date, today, last);
  return (
    <Card component="section" aria-labelledby="quote-title">
      <Card.Section>
        <Card.Title id="quote-title">{t('quote.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('quote.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('quote.date')}
            min={today}
            max={last}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={
              valid ? undefined : t('quote.dateRange', { from: format.date(today), to: format.date(last) })
            }
          />
          <Button
            component="a"
            href={valid ? purchaseQuoteHref(accountId, date, format.language) : undefined}
            download
            variant="filled"
            disabled={!valid}
          >
            {t('quote.download')}
          </Button>
        </Stack>
      </Card.Section>
    </Card>
  );
}
