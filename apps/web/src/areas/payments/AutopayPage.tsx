import { Alert, Grid, List, Stack, Text } from '@mantine/core';
import type { AccountDetail, Autopay, PaymentMethod } from '@marque/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAutopay, useAutopayChanged, usePaymentMethods } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, IconAlertCircle, IconCheckCircle } from '../../ui/index.ts';
import { HelpCard } from '../portal/HelpCard.tsx';
import { useStepUp } from '../security/StepUp.tsx';
import { AccountPage, useAccountId } from './AccountPage.tsx';
import { AutopayForm } from './AutopayForm.tsx';
import { AutopaySummary } from './AutopaySummary.tsx';

/** `/accounts/:accountId/autopay`: enrol, see, edit, skip one draft, or stop automatic payments. */
export function AutopayPage() {
  const { t } = useTranslation();
  const accountId = useAccountId();
  const autopay = useAutopay(accountId);
  const methods = usePaymentMethods();
  return (
    <AccountPage title={t('autopay.title')} queries={[autopay, methods]}>
      {(account) =>
        autopay.data && methods.data ? (
          <AutopayBody account={account} autopay={autopay.data} methods={methods.data.data} />
        ) : null
      }
    </AccountPage>
  );
}

type Notice = 'enrolled' | 'saved' | 'skipped' | 'resumed' | 'stopped';

function AutopayBody({
  account,
  autopay,
  methods,
}: {
  account: AccountDetail;
  autopay: Autopay;
  methods: PaymentMethod[];
}) {
  const { t } = useTranslation();
  const { guard, dialog } = useStepUp();
  const changed = useAutopayChanged(account.id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const enrolled = autopay.status === 'active' || autopay.status === 'paused';

  const saved = (next: Autopay, what: Notice) => {
    changed(next);
    setEditing(false);
    setNotice(what);
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <AutopayNotice notice={notice} autopay={autopay} />
          {autopay.status === 'suspended' && (
            <Alert color="red" icon={<IconAlertCircle />} title={t('autopay.suspendedTitle')}>
              {t('autopay.suspendedBody')}
            </Alert>
          )}
          <Card component="section" aria-labelledby="autopay-title">
            <Card.Section>
              <Card.Title id="autopay-title">
                {enrolled && !editing
                  ? t('autopay.summaryTitle')
                  : editing
                    ? t('autopay.editTitle')
                    : t('autopay.enrolTitle')}
              </Card.Title>
              {!enrolled && (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('autopay.enrolIntro')}
                </Text>
              )}
            </Card.Section>
            <Card.Section>
              {enrolled && !editing ? (
                <AutopaySummary
                  accountId={account.id}
                  autopay={autopay}
                  guard={guard}
                  onEdit={() => {
                    setNotice(null);
                    setEditing(true);
                  }}
                  onChanged={saved}
                />
              ) : (
                <AutopayForm
                  accountId={account.id}
                  autopay={autopay}
                  methods={methods}
                  guard={guard}
                  onSaved={(next) => saved(next, enrolled ? 'saved' : 'enrolled')}
                  {...(editing ? { onCancel: () => setEditing(false) } : {})}
                />
              )}
            </Card.Section>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <Card component="section" aria-labelledby="autopay-how-title">
            <Card.Section>
              <Card.Title id="autopay-how-title">{t('autopay.how.title')}</Card.Title>
            </Card.Section>
            <Card.Section>
              <List spacing="xs" size="sm">
                <List.Item>{t('autopay.how.draft')}</List.Item>
                <List.Item>{t('autopay.how.change')}</List.Item>
                <List.Item>{t('autopay.how.stop')}</List.Item>
                <List.Item>{t('autopay.how.returned')}</List.Item>
              </List>
            </Card.Section>
          </Card>
          <HelpCard />
        </Stack>
      </Grid.Col>
      {dialog}
    </Grid>
  );
}

/** What just happened, said once, where focus lands (a status message after the dialog closes). */
function AutopayNotice({ notice, autopay }: { notice: Notice | null; autopay: Autopay }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  let text: string | null = null;
  if (notice === 'stopped') {
    text = autopay.finalDraftDate
      ? t('autopay.notice.stoppedFinal', { date: format.date(autopay.finalDraftDate, 'long') })
      : t('autopay.notice.stopped');
  } else if (notice === 'skipped') {
    text = t('autopay.notice.skipped', {
      due: autopay.skipDueDate ? format.date(autopay.skipDueDate, 'long') : '',
    });
  } else if (notice) {
    text = t(`autopay.notice.${notice}`);
  }
  return (
    <div role="status" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {text && (
        <Alert color={notice === 'stopped' ? 'gray' : 'teal'} icon={<IconCheckCircle />}>
          {text}
        </Alert>
      )}
    </div>
  );
}
