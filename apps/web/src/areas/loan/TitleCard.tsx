import { Stack, Text } from '@mantine/core';
import type { TitleStatus } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useTitleStatus } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, LoadingState, type Tone, ToneBadge } from '../../ui/index.ts';
import classes from './loan.module.css';

const TONE: Record<TitleStatus['status'], Tone> = {
  lien_held: 'neutral',
  release_in_progress: 'info',
  released: 'good',
  not_applicable: 'neutral',
};

/** Where the title is: lien held, or each release step with its date or expected date. */
export function TitleCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = useTitleStatus(accountId);
  const tt = t as unknown as (k: string, o?: Record<string, unknown>) => string;

  return (
    <Card component="section" aria-labelledby="title-status-title">
      <Card.Section>
        <Card.Title id="title-status-title">{t('loan.title_.heading')}</Card.Title>
      </Card.Section>
      <Card.Section>
        {title.isPending ? (
          <LoadingState cards={1} />
        ) : title.isError ? (
          <ErrorState
            headingOrder={3}
            title={t('loan.title_.error')}
            error={title.error}
            onRetry={() => void title.refetch()}
            retrying={title.isFetching}
          />
        ) : title.data.status === 'lien_held' || title.data.status === 'not_applicable' ? (
          <Text size="sm">
            {title.data.status === 'lien_held' ? t('loan.title_.lienHeld') : t('loan.title_.notApplicable')}
          </Text>
        ) : (
          <Stack gap="sm">
            <div>
              <ToneBadge tone={TONE[title.data.status]}>
                {tt(`loan.title_.status.${title.data.status}`)}
              </ToneBadge>
            </div>
            {title.data.method && title.data.state && (
              <Text size="sm">
                {tt(`loan.title_.method.${title.data.method}`, { state: title.data.state })}
              </Text>
            )}
            <ol className={classes.steps}>
              {title.data.steps.map((s) => (
                <li key={s.step} className={classes.step}>
                  <span className={`${classes.dot} ${s.date ? classes.dotDone : ''}`} aria-hidden="true" />
                  <div>
                    <Text fw={600} size="sm">
                      {tt(`loan.title_.step.${s.step}`)}
                    </Text>
                    <Text size="sm" c={s.date ? undefined : 'dimmed'}>
                      {s.date
                        ? t('loan.title_.done', { date: format.date(s.date, 'medium') })
                        : s.expectedDate
                          ? t('loan.title_.expected', { date: format.date(s.expectedDate, 'medium') })
                          : null}
                    </Text>
                  </div>
                </li>
              ))}
            </ol>
          </Stack>
        )}
      </Card.Section>
    </Card>
  );
}
