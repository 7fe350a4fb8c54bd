import { Container, Group, Stack, Text } from '@mantine/core';
import type { Brand } from '@marque/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './AppFooter.module.css';
import { IconPhone } from './icons.tsx';

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A phone number as a tappable `tel:` link; children default to the number as written. */
export function PhoneLink({
  phone,
  children,
  className,
}: {
  phone: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <a href={telHref(phone)} className={className ?? classes.phone}>
      {children ?? phone}
    </a>
  );
}

export function AppFooter({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  return (
    <footer className={classes.footer}>
      <Container size="lg" className={classes.row}>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('footer.copyright', { year: new Date().getFullYear(), name: brand.name })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('app.poweredBy')}
          </Text>
          <Link to="/calculators" className={classes.link}>
            {t('calculators.footerLink')}
          </Link>
        </Stack>
        {brand.supportPhone && (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('footer.support')}
            </Text>
            <Group gap={6} wrap="nowrap">
              <IconPhone size={16} />
              <PhoneLink className={classes.phone} phone={brand.supportPhone} />
            </Group>
            {brand.supportHours && (
              <Text size="xs" c="dimmed">
                {brand.supportHours}
              </Text>
            )}
          </Stack>
        )}
      </Container>
    </footer>
  );
}
