import type { Autopay } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { type Tone, ToneBadge } from '../../ui/index.ts';

const TONES: Record<Autopay['status'], Tone> = {
  not_enrolled: 'neutral',
  active: 'good',
  paused: 'warning',
  stopped: 'neutral',
  suspended: 'danger',
};

/** On, Skipping next payment, Off, Suspended: autopay's state in words. */
export function AutopayStatusBadge({ status }: { status: Autopay['status'] }) {
  const { t } = useTranslation();
  return <ToneBadge tone={TONES[status]}>{t(`autopay.status.${status}`)}</ToneBadge>;
}
