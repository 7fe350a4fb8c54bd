import { Badge } from '@mantine/core';
import type { AccountSummary } from '@marque/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle, IconCheckCircle } from './icons.tsx';
import classes from './StatusBadge.module.css';

export type Tone = 'good' | 'warning' | 'danger' | 'neutral' | 'info';

export interface ToneBadgeProps {
  tone: Tone;
  children: ReactNode;
  icon?: ReactNode;
}

/** A small label whose colours always meet 4.5:1 (text never relies on colour alone). */
export function ToneBadge({ tone, children, icon }: ToneBadgeProps) {
  return (
    <Badge className={`${classes.badge} ${classes[tone]}`} variant="transparent" leftSection={icon}>
      {children}
    </Badge>
  );
}

type StatusKey = AccountSummary['delinquency'] | Exclude<AccountSummary['status'], 'active'>;

function statusOf(account: Pick<AccountSummary, 'status' | 'delinquency'>): { key: StatusKey; tone: Tone } {
  if (account.status === 'charged_off') return { key: 'charged_off', tone: 'danger' };
  if (account.status !== 'active') return { key: account.status, tone: 'neutral' };
  switch (account.delinquency) {
    case 'current':
      return { key: 'current', tone: 'good' };
    case '1-29':
      return { key: '1-29', tone: 'warning' };
    default:
      return { key: account.delinquency, tone: 'danger' };
  }
}

/** Account status and delinquency as one badge: "Current", "30–59 days past due", "Paid off"... */
export function StatusBadge({ account }: { account: Pick<AccountSummary, 'status' | 'delinquency'> }) {
  const { t } = useTranslation();
  const { key, tone } = statusOf(account);
  const icon =
    tone === 'good' ? (
      <IconCheckCircle size={14} />
    ) : tone === 'neutral' ? undefined : (
      <IconAlertCircle size={14} />
    );
  return (
    <ToneBadge tone={tone} icon={icon}>
      {t(`account.status.${key}`)}
    </ToneBadge>
  );
}

/** "Loan" or "Lease". */
export function ContractTypeBadge({ type }: { type: AccountSummary['type'] }) {
  const { t } = useTranslation();
  return <ToneBadge tone="info">{t(`account.type.${type}`)}</ToneBadge>;
}
