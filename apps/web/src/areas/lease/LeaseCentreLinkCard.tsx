import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Card } from '../../ui/index.ts';
import { useLeaseT } from './leaseText.ts';

/** On a lease account's page: the way into the lease centre. */
export function LeaseCentreLinkCard({ accountId }: { accountId: string }) {
  const t = useLeaseT();
  return (
    <Card component="section" aria-labelledby="lease-centre-link-title">
      <Card.Section>
        <Card.Title id="lease-centre-link-title">{t('title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('linkHint')}
        </Text>
      </Card.Section>
      <Card.Section muted>
        <Button component={Link} to={`/accounts/${encodeURIComponent(accountId)}/lease`} fullWidth>
          {t('link')}
        </Button>
      </Card.Section>
    </Card>
  );
}
