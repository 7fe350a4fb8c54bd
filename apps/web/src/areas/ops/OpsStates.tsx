import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import { EmptyState, ErrorState, IconLock } from '../../ui/index.ts';

/** A 403 is "not for your role", said calmly; anything else is an error with a retry. */
export function OpsError({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 403) {
    return (
      <EmptyState
        icon={<IconLock size={24} />}
        title={t('area.noAccessTitle')}
        description={t('ops.forbidden')}
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} retrying={retrying} />;
}
