import { Anchor, List, Text } from '@mantine/core';
import type { AccountDetail } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../ui/index.ts';

/** Beside the pay form: when money moves, how to cancel, and the way to never think about it again. */
export function PaySidebar({ account }: { account: AccountDetail }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="pay-notes-title">
      <Card.Section>
        <Card.Title id="pay-notes-title" order={2}>
          {t('pay.notes.title')}
        </Card.Title>
      </Card.Section>
      <Card.Section>
        <List spacing="xs" size="sm">
          <List.Item>{t('pay.notes.posting')}</List.Item>
          <List.Item>{t('pay.notes.bank')}</List.Item>
          <List.Item>{t('pay.notes.cancel')}</List.Item>
        </List>
      </Card.Section>
      <Card.Section muted>
        <Text size="sm">
          {t('pay.notes.autopay')}{' '}
          <Anchor component={Link} to={`/accounts/${encodeURIComponent(account.id)}/autopay`} fw={600}>
            {t('pay.notes.autopayLink')}
          </Anchor>
        </Text>
      </Card.Section>
    </Card>
  );
}
