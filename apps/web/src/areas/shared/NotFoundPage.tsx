import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useBrandInfo } from './useBrandInfo.ts';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('notFound.title'), brand.name);
  return (
    <>
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <Button component={Link} to={home} variant="default">
        {t('notFound.home')}
      </Button>
    </>
  );
}
