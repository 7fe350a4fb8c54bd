import { Grid, Stack, Text, Title } from '@mantine/core';
import type { WearCounts } from '@marque/contracts';
import { type ReactNode, useDeferredValue, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError, useAccount, useEndOfTerm, useLeaseNumbers } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState, ErrorState, LoadingState, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useVehicleName } from '../portal/accountParts.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { EndOfTermOptions } from './EndOfTermOptions.tsx';
import { InspectionCard } from './InspectionCard.tsx';
import { LeaseNumbersCard } from './LeaseNumbersCard.tsx';
import { useLeaseT } from './leaseText.ts';
import { MileageCard } from './MileageCard.tsx';
import { PurchaseQuoteCard } from './PurchaseQuoteCard.tsx';
import { WearSelfCheck } from './WearSelfCheck.tsx';

function EndOfTermSection({ accountId }: { accountId: string }) {
  const t = useLeaseT();
  const format = useFormat();
  const [counts, setCounts] = useState<WearCounts>({});
  const wear = useDeferredValue(counts);
  const options = useEndOfTerm(accountId, wear);
  const data = options.data;
  let body: ReactNode;
  if (data) {
    body = (
      <Stack gap="lg">
        <Text>
          {t('end.intro', {
            date: format.date(data.maturityDate, 'long'),
            days: format.integer(data.daysToMaturity),
            payments: data.paymentsRemaining,
          })}
        </Text>
        <EndOfTermOptions options={data} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <WearSelfCheck
              guide={data.wearGuide}
              wear={data.wear}
              counts={counts}
              onChange={setCounts}
              updating={options.isFetching}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <PurchaseQuoteCard accountId={accountId} today={data.asOf} />
              <InspectionCard accountId={accountId} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    );
  } else if (options.isPending) body = <LoadingState cards={2} />;
  else {
    body = (
      <ErrorState
        headingOrder={3}
        title={t('errorTitle')}
        error={options.error}
        onRetry={() => void options.refetch()}
        retrying={options.isFetching}
      />
    );
  }
  return (
    <section aria-labelledby="end-title">
      <Title order={2} id="end-title" mb="sm">
        {t('end.heading')}
      </Title>
      {body}
    </section>
  );
}

/**
 * The lease centre of one lease account: the contract's numbers, mileage, and everything about
 * the end of the lease. A loan answers 409 `not_a_lease`, shown as an empty state.
 */
export function LeaseCentrePage() {
  const { accountId = '' } = useParams();
  const t = useLeaseT();
  const format = useFormat();
  const brand = useBrandInfo();
  const vehicleName = useVehicleName();
  const account = useAccount(accountId);
  const numbers = useLeaseNumbers(accountId);
  useDocumentTitle(t('title'), brand.name);
  const notALease = isApiError(numbers.error) && numbers.error.code === 'not_a_lease';

  let body: ReactNode;
  if (numbers.data) {
    body = (
      <Stack gap="xl">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MileageCard accountId={accountId} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <LeaseNumbersCard numbers={numbers.data} />
          </Grid.Col>
        </Grid>
        <EndOfTermSection accountId={accountId} />
      </Stack>
    );
  } else if (numbers.isPending) body = <LoadingState cards={2} />;
  else if (notALease) body = <EmptyState title={t('notALease')} />;
  else {
    body = (
      <ErrorState
        title={t('errorTitle')}
        error={numbers.error}
        onRetry={() => void numbers.refetch()}
        retrying={numbers.isFetching}
        headingOrder={2}
      />
    );
  }

  return (
    <>
      <PageHeader
        back={{ to: `/accounts/${encodeURIComponent(accountId)}`, label: t('back') }}
        title={t('title')}
        description={
          account.data && numbers.data
            ? t('description', {
                vehicle: vehicleName(account.data.vehicle),
                date: format.date(numbers.data.maturityDate, 'long'),
              })
            : undefined
        }
      />
      {body}
    </>
  );
}
