import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IconArrowLeft } from './icons.tsx';
import classes from './PageHeader.module.css';

export interface PageHeaderProps {
  /** The page's one and only h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Small line above the title (badges, account number...). */
  eyebrow?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
}

export function PageHeader({ title, description, eyebrow, back, actions }: PageHeaderProps) {
  return (
    <header className={classes.root}>
      {back && (
        <Link to={back.to} className={classes.back}>
          <IconArrowLeft size={16} />
          {back.label}
        </Link>
      )}
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <Stack gap={6}>
          {eyebrow}
          {/* tabIndex -1: the app moves focus here after client-side navigation. */}
          <Title order={1} className={classes.title} tabIndex={-1}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="md">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
    </header>
  );
}
