import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerPreferences, useNotificationPreferences, usePaperless } from '../../api/index.ts';
import { Card, ErrorState, IconLock, LoadingState, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { EventPreferencesCard } from './EventPreferencesCard.tsx';
import { LanguageCard } from './LanguageCard.tsx';
import { PaperlessCard } from './PaperlessCard.tsx';

/**
 * `/notifications/preferences`: what we tell the customer about and how (e-mail, in the portal,
 * text), paperless with E-SIGN consent, the language of letters and e-mails, and where the
 * security alerts are managed.
 */
export function CommunicationPreferencesPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('communication.title'), brand.name);
  const preferences = useNotificationPreferences();
  const paperless = usePaperless();
  const customer = useCustomerPreferences();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('communication.title')}
        description={t('communication.intro')}
        actions={
          <Anchor component={Link} to="/notifications">
            {t('communication.toInbox')}
          </Anchor>
        }
      />
      {preferences.isPending ? (
        <LoadingState cards={1} />
      ) : preferences.isError ? (
        <ErrorState
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
          retrying={preferences.isFetching}
        />
      ) : (
        <EventPreferencesCard saved={preferences.data} />
      )}
      {paperless.isPending ? (
        <LoadingState cards={1} />
      ) : paperless.isError ? (
        <ErrorState
          error={paperless.error}
          onRetry={() => void paperless.refetch()}
          retrying={paperless.isFetching}
        />
      ) : (
        <PaperlessCard paperless={paperless.data} />
      )}
      {customer.isPending ? (
        <LoadingState cards={1} />
      ) : customer.isError ? (
        <ErrorState
          error={customer.error}
          onRetry={() => void customer.refetch()}
          retrying={customer.isFetching}
        />
      ) : (
        <LanguageCard saved={customer.data} />
      )}
      <Card component="section" aria-labelledby="security-alerts-title">
        <Card.Section>
          <Card.Title id="security-alerts-title">{t('communication.security.title')}</Card.Title>
          <Group gap={8} mt={4} wrap="nowrap" align="flex-start">
            <IconLock size={16} style={{ flex: 'none', marginTop: 3 }} />
            <Text size="sm">{t('communication.security.body')}</Text>
          </Group>
          <Anchor component={Link} to="/security#alerts-title" size="sm" mt="xs" display="inline-block">
            {t('communication.security.link')}
          </Anchor>
        </Card.Section>
      </Card>
    </Stack>
  );
}
