import type { AccountDetail } from '@marque/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError, useAccount } from '../../api/index.ts';
import { ErrorState, LoadingState, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useVehicleName } from '../portal/accountParts.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';

export function useAccountId(): string {
  return useParams().accountId ?? '';
}

/** What AccountPage needs to know of the other queries a page waits for. */
export interface PageQuery {
  data: unknown;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface AccountPageProps {
  title: string;
  /** Further queries the page needs before it can show anything. */
  queries?: PageQuery[];
  actions?: ReactNode;
  children: (account: AccountDetail) => ReactNode;
}

/**
 * The frame of a page about one account (pay, transactions, autopay): one h1 that stays the same
 * element through loading and errors (the layout moves focus to it), a way back to the account,
 * the vehicle and account number as the description, and the loading and error states.
 */
export function AccountPage({ title, queries = [], actions, children }: AccountPageProps) {
  const { t } = useTranslation();
  const accountId = useAccountId();
  const brand = useBrandInfo();
  const vehicleName = useVehicleName();
  const account = useAccount(accountId);
  const data = account.data;
  const notFound =
    !data && isApiError(account.error) && (account.error.status === 404 || account.error.status === 400);
  useDocumentTitle(title, brand.name);

  const all: PageQuery[] = [account, ...queries];
  const failed = all.find((q) => q.data === undefined && q.error);
  let body: ReactNode;
  if (notFound) body = null;
  else if (failed) {
    body = (
      <ErrorState
        headingOrder={2}
        error={failed.error}
        onRetry={() => {
          for (const q of all) if (q.error) void q.refetch();
        }}
        retrying={failed.isFetching}
      />
    );
  } else if (!data || all.some((q) => q.data === undefined)) body = <LoadingState cards={1} />;
  else body = children(data);

  return (
    <>
      <PageHeader
        back={{
          to: notFound ? '/' : `/accounts/${encodeURIComponent(accountId)}`,
          label: notFound ? t('accountDetail.back') : t('pay.backToAccount'),
        }}
        title={notFound ? t('accountDetail.notFoundTitle') : title}
        description={
          data
            ? `${vehicleName(data.vehicle)} · ${t('account.accountNumber', { number: data.accountNumber })}`
            : notFound
              ? t('accountDetail.notFoundBody')
              : undefined
        }
        actions={data ? actions : undefined}
      />
      {body}
    </>
  );
}
