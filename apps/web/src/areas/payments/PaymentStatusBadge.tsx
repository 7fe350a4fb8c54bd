import type { PaymentStatus } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle, IconCheckCircle, type Tone, ToneBadge } from '../../ui/index.ts';

const TONES: Record<PaymentStatus, Tone> = {
  scheduled: 'info',
  pending: 'neutral',
  submitted: 'neutral',
  settled: 'good',
  completed: 'good',
  returned: 'danger',
  canceled: 'neutral',
  failed: 'danger',
};

/** A payment's state in words (never colour alone): Scheduled, Pending, Completed, Returned... */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  const tone = TONES[status];
  const icon =
    tone === 'good' ? (
      <IconCheckCircle size={14} />
    ) : tone === 'danger' ? (
      <IconAlertCircle size={14} />
    ) : undefined;
  return (
    <ToneBadge tone={tone} icon={icon}>
      {t(`payments.status.${status}`)}
    </ToneBadge>
  );
}
