import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import type { AccountDetail } from '@marque/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError, useAccount } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  Card,
  ErrorState,
  type Fact,
  FactList,
  IconCard,
  IconShield,
  LoadingState,
  MoneyText,
  PageHeader,
  useDocumentTitle,
} from '../../ui/index.ts';
import { LeaseCentreLinkCard } from '../lease/LeaseCentreLinkCard.tsx';
import { LoanDetailsLinkCard } from '../loan/LoanDetailsLinkCard.tsx';
import { TitleCard } from '../loan/TitleCard.tsx';
import { AccountPaymentsCard } from '../payments/AccountPaymentsCard.tsx';
import { AutopayStatusCard } from '../payments/AutopayStatusCard.tsx';
import { PayoffQuoteCard } from '../payments/PayoffQuoteCard.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { MoneyBlock, useVehicleName, VehicleBlock } from './accountParts.tsx';
import { HelpCard } from './HelpCard.tsx';

function useTermFacts(terms: AccountDetail['terms']): Fact[] {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (key: string, value: Parameters<typeof format.money>[0]) => ({
    key,
    label: t(`accountDetail.terms.${key}` as 'accountDetail.terms.payment'),
    value: <MoneyText value={value} fw={600} />,
  });
  const date = (key: string, value: string) => ({
    key,
    label: t(`accountDetail.terms.${key}` as 'accountDetail.terms.contractDate'),
    value: <time dateTime={value}>{format.date(value, 'medium')}</time>,
  });
  const term = {
    key: 'term',
    label: t('accountDetail.terms.term'),
    value: t('accountDetail.terms.months', { count: terms.termMonths }),
  };

  if (terms.type === 'loan') {
    return [
      money('amountFinanced', terms.amountFinanced),
      {
        key: 'apr',
        label: t('accountDetail.terms.apr'),
        value: t('accountDetail.terms.percent', { value: format.decimal(terms.apr) }),
      },
      term,
      money('payment', terms.payment),
      date('contractDate', terms.contractDate),
      date('firstPaymentDate', terms.firstPaymentDate),
      date('maturityDate', terms.maturityDate),
    ];
  }
  return [
    money('grossCapitalizedCost', terms.grossCapitalizedCost),
    money('capitalizedCostReduction', terms.capitalizedCostReduction),
    money('adjustedCapitalizedCost', terms.adjustedCapitalizedCost),
    money('residualValue', terms.residualValue),
    // Regulation M: a lease rate is never presented as an APR.
    {
      key: 'moneyFactor',
      label: t('accountDetail.terms.moneyFactor'),
      value: format.decimal(terms.moneyFactor),
    },
    term,
    money('payment', terms.payment),
    {
      key: 'mileageAllowance',
      label: t('accountDetail.terms.mileageAllowance'),
      value: t('accountDetail.terms.mileagePerYear', {
        miles: format.integer(terms.mileageAllowancePerYear),
      }),
    },
    {
      key: 'excessMileageRate',
      label: t('accountDetail.terms.excessMileageRate'),
      value: t('accountDetail.terms.perMile', { amount: format.money(terms.excessMileageRate) }),
    },
    date('contractDate', terms.contractDate),
    date('firstPaymentDate', terms.firstPaymentDate),
    date('leaseEndDate', terms.maturityDate),
  ];
}

function AccountDetailBody({ account }: { account: AccountDetail }) {
  const { t } = useTranslation();
  const facts = useTermFacts(account.terms);
  const active = account.status === 'active';

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Card component="section" aria-labelledby="summary-title">
            <Card.Section>
              <Card.Title id="summary-title">{t('accountDetail.summaryHeading')}</Card.Title>
            </Card.Section>
            <Card.Section>
              <MoneyBlock account={account} withIdentity={false} />
            </Card.Section>
          </Card>
          <AccountPaymentsCard accountId={account.id} canPay={active} />
          <Card component="section" aria-labelledby="terms-title">
            <Card.Section>
              <Card.Title id="terms-title">{t('accountDetail.termsHeading')}</Card.Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('accountDetail.termsNote')}
              </Text>
            </Card.Section>
            <Card.Section py={4}>
              <FactList facts={facts} />
            </Card.Section>
            {account.terms.type === 'lease' && (
              <Card.Section muted py="sm">
                <Text size="sm" c="dimmed">
                  {t('accountDetail.leaseRateNote')}
                </Text>
              </Card.Section>
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          {account.type === 'lease' && <LeaseCentreLinkCard accountId={account.id} />}
          {account.type === 'loan' && <LoanDetailsLinkCard accountId={account.id} />}
          {account.type === 'loan' && account.status !== 'active' && <TitleCard accountId={account.id} />}
          {active && <AutopayStatusCard accountId={account.id} />}
          {active && <PayoffQuoteCard account={account} />}
          <IconCard
            icon={<IconShield size={22} />}
            title={t('protection.link')}
            titleId="protection-link-title"
            action={
              <Button
                component={Link}
                to={`/accounts/${encodeURIComponent(account.id)}/protection`}
                variant="light"
              >
                {t('protection.open')}
              </Button>
            }
          >
            {t('protection.linkHint')}
          </IconCard>
          <Card component="section" aria-labelledby="vehicle-title">
            <Card.Section muted>
              <VehicleBlock account={account} titleId="vehicle-title" headingOrder={2} />
            </Card.Section>
          </Card>
          {account.type === 'loan' && active && <TitleCard accountId={account.id} />}
          <HelpCard />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The account's primary action. */
function PayButton({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/accounts/${encodeURIComponent(accountId)}/pay`} size="md">
      {t('pay.payButton')}
    </Button>
  );
}

/**
 * One PageHeader for every state (loading, loaded, not found, error): its h1 stays the same element,
 * so the focus the layout moves there after navigation survives the data arriving.
 */
export function AccountDetailPage() {
  const { accountId = '' } = useParams();
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const vehicleName = useVehicleName();
  const account = useAccount(accountId);
  const data = account.data;
  const notFound =
    !data && isApiError(account.error) && (account.error.status === 404 || account.error.status === 400);

  const title = data
    ? vehicleName(data.vehicle)
    : notFound
      ? t('accountDetail.notFoundTitle')
      : t('accountDetail.title');
  const description = data
    ? `${t(`account.type.${data.type}`)} · ${t('account.accountNumber', { number: data.accountNumber })}`
    : notFound
      ? t('accountDetail.notFoundBody')
      : undefined;
  useDocumentTitle(title, brand.name);

  let body: ReactNode;
  if (data) body = <AccountDetailBody account={data} />;
  else if (account.isPending) body = <LoadingState cards={1} />;
  else if (notFound)
    body = null; // the header says it all, and links back
  else {
    body = (
      <ErrorState
        title={t('accountDetail.errorTitle')}
        error={account.error}
        onRetry={() => void account.refetch()}
        retrying={account.isFetching}
        headingOrder={2}
      />
    );
  }

  return (
    <>
      <PageHeader
        back={{ to: '/', label: t('accountDetail.back') }}
        title={title}
        description={description}
        actions={
          data ? (
            <Group gap="sm">
              <Button
                component={Link}
                to={`/documents?account=${encodeURIComponent(data.id)}`}
                variant="default"
                size="md"
              >
                {t('documents.accountLink')}
              </Button>
              {data.status === 'active' && <PayButton accountId={data.id} />}
            </Group>
          ) : undefined
        }
      />
      {body}
    </>
  );
}
