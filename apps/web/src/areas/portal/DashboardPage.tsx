import { SimpleGrid, Stack, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { useAccounts, useMe } from '../../api/index.ts';
import {
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  PhoneLink,
  useDocumentTitle,
} from '../../ui/index.ts';
import { PaymentMethodsSummary } from '../payment-methods/PaymentMethodsSummary.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { AccountCard } from './accountParts.tsx';
import { HelpCard } from './HelpCard.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const me = useMe();
  const accounts = useAccounts();
  useDocumentTitle(t('dashboard.title'), brand.name);

  const firstName = me.data?.customer?.firstName ?? me.data?.user.displayName.split(' ')[0] ?? '';

  return (
    <Stack gap="lg">
      <PageHeader title={t('dashboard.greeting', { name: firstName })} description={t('dashboard.intro')} />

      <section aria-labelledby="accounts-heading">
        <Title order={2} id="accounts-heading" size="h4" mb="md">
          {t('dashboard.accountsHeading')}
        </Title>
        {accounts.isPending ? (
          <LoadingState cards={2} />
        ) : accounts.isError && !accounts.data ? (
          <ErrorState
            headingOrder={3}
            title={t('dashboard.errorTitle')}
            description={t('dashboard.errorBody')}
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
            retrying={accounts.isFetching}
          />
        ) : accounts.data.data.length === 0 ? (
          <EmptyState
            headingOrder={3}
            title={t('dashboard.emptyTitle')}
            description={
              brand.supportPhone ? (
                <Trans
                  i18nKey="dashboard.emptyBody"
                  values={{ phone: brand.supportPhone }}
                  components={{ phone: <PhoneLink phone={brand.supportPhone} /> }}
                />
              ) : undefined
            }
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {accounts.data.data.map((account) => (
              <AccountCard key={account.id} account={account} />
            ))}
          </SimpleGrid>
        )}
      </section>

      <PaymentMethodsSummary />
      <HelpCard />
    </Stack>
  );
}
