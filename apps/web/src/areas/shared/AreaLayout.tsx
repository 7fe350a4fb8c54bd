import { Container } from '@mantine/core';
import type { Role } from '@marque/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { clearPersonalData, isUnauthenticated, useLogout, useMe, useNotifications } from '../../api/index.ts';
import type en from '../../i18n/en.json';
import { AppFooter, AppHeader, type HeaderNavItem, SkipLink } from '../../ui/index.ts';
import classes from './AreaLayout.module.css';
import { useBrandInfo } from './useBrandInfo.ts';
import { usePreferredLanguage } from './usePreferredLanguage.ts';

export type Area = 'portal' | 'dealer' | 'ops';

const MAIN_ID = 'main-content';

/** After a client-side navigation, move focus to the new page's h1 so screen readers announce it. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return; // first render, or same page
    previous.current = pathname;
    const target =
      document.querySelector<HTMLElement>(`#${MAIN_ID} h1[tabindex="-1"]`) ??
      document.getElementById(MAIN_ID);
    target?.focus({ preventScroll: true });
  }, [pathname]);
}

type NavKey = `nav.${Exclude<keyof typeof en.nav, 'label'>}`;

export interface AreaNavItem extends Omit<HeaderNavItem, 'label'> {
  labelKey: NavKey;
  /** Only these roles see the entry (the server still checks every request); omitted: everyone. */
  roles?: readonly Role[];
}

export interface AreaLayoutProps {
  area: Area;
  homeHref: string;
  /** Navigation shown to signed-in users. */
  nav?: AreaNavItem[];
}

/** The shell shared by the three areas: skip link, header, main landmark, footer. */
export function AreaLayout({ area, homeHref, nav }: AreaLayoutProps) {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { pathname } = useLocation();
  useFocusOnNavigation();

  const signedIn = me.data !== undefined && !isUnauthenticated(me.error);
  const user = signedIn ? { name: me.data.user.displayName, email: me.data.user.email } : null;
  const inbox = useNotifications(signedIn);
  const unread = inbox.data?.unreadCount ?? 0;
  const notificationsHref = area === 'portal' ? '/notifications' : `/${area}/notifications`;
  const saveLanguage = usePreferredLanguage(signedIn ? me.data : undefined, pathname);

  const signOut = async () => {
    const outcome = await logout.mutateAsync();
    // flushSync: the signed-in page is unmounted before its data is dropped, so nothing refetches.
    await navigate('/signin', { replace: true, state: { signedOut: outcome }, flushSync: true });
    await clearPersonalData(client);
  };

  return (
    <>
      <ScrollRestoration />
      <SkipLink targetId={MAIN_ID}>{t('app.skipToContent')}</SkipLink>
      <AppHeader
        brand={brand}
        homeHref={homeHref}
        areaLabel={area === 'portal' ? undefined : t(`areas.${area}`)}
        nav={
          signedIn
            ? nav
                ?.filter((item) => !item.roles || item.roles.includes(me.data.user.role))
                .map(({ labelKey, roles: _roles, ...item }) => ({ ...item, label: t(labelKey) }))
            : undefined
        }
        user={user}
        onSignOut={() => void signOut()}
        signingOut={logout.isPending}
        notifications={
          signedIn
            ? { href: notificationsHref, unread, label: t('notifications.bellLabel', { count: unread }) }
            : undefined
        }
        onLanguageChange={saveLanguage}
        signInHref={
          pathname.startsWith('/signin') ||
          pathname === '/register' ||
          pathname === '/recover' ||
          pathname === '/invitation' ||
          me.isPending
            ? undefined
            : `/signin?next=${encodeURIComponent(homeHref)}`
        }
      />
      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Container size="lg">
          <Outlet />
        </Container>
      </main>
      <AppFooter brand={brand} />
    </>
  );
}
