import { Button, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { Card } from './Card.tsx';
import { IconAlertTriangle, IconFolder, IconRefresh } from './icons.tsx';
import classes from './States.module.css';

export interface ErrorStateProps {
  title?: ReactNode;
  description?: ReactNode;
  error?: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** Heading level inside the page (the page keeps its single h1). */
  headingOrder?: 1 | 2 | 3;
  action?: ReactNode;
}

/** Something failed: say so plainly, and offer a retry. Announced to screen readers. */
export function ErrorState({
  title,
  description,
  error,
  onRetry,
  retrying,
  headingOrder = 2,
  action,
}: ErrorStateProps) {
  const { t } = useTranslation();
  const network = isApiError(error) && error.isNetwork;
  return (
    <div className={classes.panel} role="alert">
      <div className={`${classes.icon} ${classes.iconDanger}`}>
        <IconAlertTriangle size={24} />
      </div>
      <Title order={headingOrder} size="h3" className={classes.title}>
        {title ?? t('states.errorTitle')}
      </Title>
      <Text c="dimmed" className={classes.body}>
        {description ?? (network ? t('states.networkError') : t('states.errorBody'))}
      </Text>
      {onRetry && (
        <Button
          mt="xs"
          variant="default"
          onClick={onRetry}
          loading={retrying}
          leftSection={<IconRefresh size={18} />}
        >
          {t('states.retry')}
        </Button>
      )}
      {action}
    </div>
  );
}

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  headingOrder?: 2 | 3;
}

/** Nothing to show yet, with what will appear and what to do. */
export function EmptyState({ title, description, icon, action, headingOrder = 2 }: EmptyStateProps) {
  return (
    <div className={classes.panel}>
      <div className={`${classes.icon} ${classes.iconNeutral}`}>{icon ?? <IconFolder size={24} />}</div>
      <Title order={headingOrder} size="h3" className={classes.title}>
        {title}
      </Title>
      {description && (
        <Text c="dimmed" className={classes.body}>
          {description}
        </Text>
      )}
      {action}
    </div>
  );
}

export interface LoadingStateProps {
  /** How many placeholder cards to show. */
  cards?: number;
  label?: string;
}

/** Skeleton cards shaped like the content they stand for; announced once as "Loading". */
export function LoadingState({ cards = 2, label }: LoadingStateProps) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <VisuallyHidden role="status">{label ?? t('states.loading')}</VisuallyHidden>
      <Stack gap="md" aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <Card key={i}>
            <Card.Section muted>
              <Skeleton height={14} width={120} radius="sm" mb={12} />
              <Skeleton height={20} width="60%" radius="sm" mb={10} />
              <Skeleton height={12} width="40%" radius="sm" />
            </Card.Section>
            <Card.Section>
              <Stack gap={12}>
                <Skeleton height={12} width={100} radius="sm" />
                <Skeleton height={28} width={160} radius="sm" />
                <Skeleton height={8} radius="xl" mt={8} />
              </Stack>
            </Card.Section>
          </Card>
        ))}
      </Stack>
    </div>
  );
}

/** A quiet full-area placeholder while the app itself starts (brand not known yet). */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Stack align="center" justify="center" mih="60vh" role="status">
      <Skeleton height={36} width={36} circle />
      <Text c="dimmed" size="sm">
        {t('app.loading')}
      </Text>
    </Stack>
  );
}
