import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';

/** What to say about a request that failed for a reason other than the form's own fields. */
export function useRequestErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error) && error.status === 429) return t('signin.errors.rate_limited');
    if (isApiError(error) && error.isNetwork) return t('signin.errors.network');
    return t('signin.errors.generic');
  };
}
