import { Grid, Stack } from '@mantine/core';
import type { ProtectionProduct } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError, useAccount } from '../../api/index.ts';
import { ErrorState, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useVehicleName } from '../portal/accountParts.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { CancelDialog } from './CancelDialog.tsx';
import { CoverageCard } from './CoverageCard.tsx';
import { MaintenanceCard } from './MaintenanceCard.tsx';
import { ProductsCard } from './ProductsCard.tsx';
import { WorkOrdersCard } from './WorkOrdersCard.tsx';

/** Service & protection of one account: products, "is this covered?", work orders, maintenance. */
export function ProtectionPage() {
  const { accountId = '' } = useParams();
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const vehicleName = useVehicleName();
  const account = useAccount(accountId);
  const [cancelling, setCancelling] = useState<ProtectionProduct | null>(null);
  useDocumentTitle(t('protection.title'), brand.name);
  const notFound =
    isApiError(account.error) && (account.error.status === 404 || account.error.status === 400);

  return (
    <>
      <PageHeader
        back={{ to: `/accounts/${encodeURIComponent(accountId)}`, label: t('protection.back') }}
        title={t('protection.title')}
        description={account.data ? vehicleName(account.data.vehicle) : undefined}
      />
      {notFound ? (
        <ErrorState title={t('accountDetail.notFoundTitle')} description={t('accountDetail.notFoundBody')} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <ProductsCard accountId={accountId} onCancel={setCancelling} />
              <WorkOrdersCard accountId={accountId} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <CoverageCard accountId={accountId} />
              <MaintenanceCard accountId={accountId} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      <CancelDialog accountId={accountId} product={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}
