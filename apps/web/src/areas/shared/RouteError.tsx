import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ErrorState } from '../../ui/index.ts';

/** Last line of defence for render errors: a calm message and a reload, never a stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main-content">
      <Container size="sm" py="xl">
        <ErrorState
          headingOrder={1}
          title={t('states.errorTitle')}
          onRetry={() => window.location.reload()}
        />
      </Container>
    </main>
  );
}
