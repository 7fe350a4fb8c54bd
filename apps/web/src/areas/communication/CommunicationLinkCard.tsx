import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../ui/index.ts';

/** In the security centre: the way to the customer's communication preferences and paperless. */
export function CommunicationLinkCard() {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="communication-link-title">
      <Card.Section>
        <Card.Title id="communication-link-title">{t('communication.title')}</Card.Title>
        <Text size="sm" mt={4}>
          {t('communication.linkFromSecurity')}
        </Text>
        <Anchor component={Link} to="/notifications/preferences" size="sm" mt="xs" display="inline-block">
          {t('communication.linkFromInbox')}
        </Anchor>
      </Card.Section>
    </Card>
  );
}
