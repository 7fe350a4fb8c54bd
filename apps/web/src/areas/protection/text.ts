import { useTranslation } from 'react-i18next';

/** `t` for keys built at run time (statuses, kinds): avoids TypeScript's deep key unions (TS2589). */
export function useLooseT(): (key: string, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return t as unknown as (key: string, options?: Record<string, unknown>) => string;
}
