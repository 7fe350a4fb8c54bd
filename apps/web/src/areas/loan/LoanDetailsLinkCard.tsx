import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../ui/index.ts';

/** On a loan's account page: the way to its details, chart and what-if. */
export function LoanDetailsLinkCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="loan-link-title">
      <Card.Section>
        <Card.Title id="loan-link-title">{t('loan.title')}</Card.Title>
        <Text size="sm" mt={4}>
          {t('loan.linkHint')}
        </Text>
      </Card.Section>
      <Card.Section muted>
        <Button
          component={Link}
          to={`/accounts/${encodeURIComponent(accountId)}/loan`}
          fullWidth
          variant="light"
        >
          {t('loan.link')}
        </Button>
      </Card.Section>
    </Card>
  );
}
