import { Button, Container, Text, VisuallyHidden } from '@mantine/core';
import type { Brand } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Language } from '../i18n/index.ts';
import classes from './AppHeader.module.css';
import { IconBell, IconLogout } from './icons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export interface HeaderNavItem {
  to: string;
  label: string;
  /** Path prefixes (besides `to` itself) under which this item is the current one. */
  activePrefixes?: string[];
}

export interface HeaderUser {
  name: string;
  email: string;
}

export interface AppHeaderProps {
  brand: Brand;
  homeHref: string;
  /** Shown after the brand in the dealer desk and operations console. */
  areaLabel?: string;
  nav?: HeaderNavItem[];
  user?: HeaderUser | null;
  onSignOut?: () => void;
  signingOut?: boolean;
  signInHref?: string;
  /** The notification bell, for signed-in users. */
  notifications?: { href: string; unread: number; label: string } | undefined;
  /** After the visitor picks a language in the header (a signed-in customer's is kept). */
  onLanguageChange?: ((language: Language) => void) | undefined;
}

function BrandMark({ brand }: { brand: Brand }) {
  const [failed, setFailed] = useState(false);
  if (!brand.logoUrl || failed) {
    return (
      <span className={classes.monogram} aria-hidden="true">
        {brand.shortName.slice(0, 1)}
      </span>
    );
  }
  // The brand name is written next to the logo, so the image itself is decorative.
  return <img src={brand.logoUrl} alt="" className={classes.logo} onError={() => setFailed(true)} />;
}

function NavItems({ items }: { items: HeaderNavItem[] }) {
  const { pathname } = useLocation();
  return (
    <ul className={classes.navList}>
      {items.map((item) => {
        const current =
          pathname === item.to || (item.activePrefixes ?? []).some((prefix) => pathname.startsWith(prefix));
        return (
          <li key={item.to}>
            <Link to={item.to} className={classes.navLink} aria-current={current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function AppHeader({
  brand,
  homeHref,
  areaLabel,
  nav,
  user,
  onSignOut,
  signingOut,
  signInHref,
  notifications,
  onLanguageChange,
}: AppHeaderProps) {
  const { t } = useTranslation();
  const hasNav = Boolean(nav && nav.length > 0);
  // More than three entries (the operations console) don't fit beside everything else on one
  // line: the navigation gets a line of its own below the brand and the user.
  const navBelow = (nav?.length ?? 0) > 3;
  const barClasses = [classes.bar, user && classes.twoRows, navBelow && classes.navBelow].filter(Boolean);
  return (
    <header className={classes.header}>
      <div className={classes.accent} />
      <Container size="lg" className={barClasses.join(' ')}>
        <div className={classes.brandCell}>
          <Link to={homeHref} className={classes.brand} aria-label={t('app.brandHome', { name: brand.name })}>
            <BrandMark brand={brand} />
            <span className={`${classes.brandName} ${classes.fullName}`}>{brand.name}</span>
            <span className={classes.shortName}>{brand.shortName}</span>
          </Link>
          {areaLabel && <span className={classes.area}>{areaLabel}</span>}
        </div>
        {/* A box of its own only on a signed-in phone (the second line); elsewhere `display: contents`. */}
        <div className={classes.secondRow}>
          {hasNav && nav && (
            <nav aria-label={t('nav.label')} className={classes.nav}>
              <NavItems items={nav} />
            </nav>
          )}
          <div className={classes.langCell}>
            <LanguageSwitch onChange={onLanguageChange} />
          </div>
        </div>
        {user && onSignOut && (
          <div className={classes.userCell}>
            {notifications && (
              <Link to={notifications.href} className={classes.bell} aria-label={notifications.label}>
                <IconBell size={22} />
                {notifications.unread > 0 && (
                  <span className={classes.bellCount} aria-hidden="true">
                    {notifications.unread > 99 ? '99+' : notifications.unread}
                  </span>
                )}
              </Link>
            )}
            <Text component="span" className={classes.userName} title={user.email}>
              <VisuallyHidden>{`${t('user.signedInAs')} `}</VisuallyHidden>
              {user.name}
            </Text>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconLogout size={16} />}
              onClick={onSignOut}
              loading={signingOut}
              className={classes.signOut}
            >
              {t('user.signOut')}
            </Button>
          </div>
        )}
        {!user && signInHref && (
          <Button component={Link} to={signInHref} size="sm" variant="filled" className={classes.signIn}>
            {t('user.signIn')}
          </Button>
        )}
      </Container>
    </header>
  );
}
