import { Button, Text } from '@mantine/core';
import type { Role } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isUnauthenticated, useMe } from '../../api/index.ts';
import { Card, EmptyState, IconLock, LoadingState, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useBrandInfo } from './useBrandInfo.ts';

const ROLES: Record<'dealer' | 'ops', readonly Role[]> = {
  dealer: ['dealer_user', 'dealer_admin'],
  ops: ['underwriter', 'agent', 'supervisor', 'analyst', 'admin'],
};

/** Placeholder home of the dealer desk and the operations console (walking skeleton). */
export function StaffAreaHome({ area }: { area: 'dealer' | 'ops' }) {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const me = useMe();
  const title = t(`areas.${area}`);
  useDocumentTitle(title, brand.name);
  const home = area === 'dealer' ? '/dealer' : '/ops';

  if (me.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <LoadingState cards={1} />
      </>
    );
  }

  if (me.data && !isUnauthenticated(me.error)) {
    const name = me.data.user.displayName;
    if (ROLES[area].includes(me.data.user.role)) {
      return (
        <>
          <PageHeader title={title} description={t('area.comingSoonTitle', { name })} />
          <Card>
            <Card.Section>
              <Text>{area === 'dealer' ? t('area.dealerComingSoon') : t('area.opsComingSoon')}</Text>
            </Card.Section>
          </Card>
        </>
      );
    }
    return (
      <>
        <PageHeader title={title} />
        <EmptyState
          icon={<IconLock size={24} />}
          title={t('area.noAccessTitle')}
          description={t('area.noAccessBody', { name })}
          action={
            <Button component={Link} to="/" variant="default" mt="xs">
              {t('area.goToPortal')}
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={<IconLock size={24} />}
        title={t('area.signInRequiredTitle')}
        description={area === 'dealer' ? t('area.dealerBody') : t('area.opsBody')}
        action={
          <Button component={Link} to={`/signin?next=${encodeURIComponent(home)}`} mt="xs">
            {t('user.signIn')}
          </Button>
        }
      />
    </>
  );
}
