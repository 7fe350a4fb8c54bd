import { useTranslation } from 'react-i18next';

/** `t` for the lease keys, typed loosely: deep key unions of the whole catalogue hit TS2589. */
export type LeaseT = (key: string, options?: Record<string, unknown>) => string;

export function useLeaseT(): LeaseT {
  const { t } = useTranslation();
  const loose = t as unknown as LeaseT;
  return (key, options) => loose(`lease.${key}`, options);
}
