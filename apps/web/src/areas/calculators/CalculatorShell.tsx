import { Alert, Anchor, Button, Group, Loader, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { CalculatorKind } from '../../api/index.ts';
import { isApiError } from '../../api/index.ts';
import { Card, ErrorState, IconAlertCircle, IconCopy, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import classes from './calculators.module.css';
import type { useCalculatorForm } from './useCalculatorForm.ts';

export const CALCULATORS: readonly CalculatorKind[] = ['loan', 'lease', 'buy-vs-lease', 'affordability'];
export const calculatorKey = (kind: CalculatorKind) => (kind === 'buy-vs-lease' ? 'buyVsLease' : kind);

/** Links between the four calculators; scrolls sideways on a phone. */
export function CalculatorNav({ current }: { current?: CalculatorKind }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (k: string) => string;
  const ref = useRef<HTMLElement>(null);
  // On a phone the pills scroll sideways: bring the current one into view.
  useEffect(() => {
    const nav = ref.current;
    const active = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && active) nav.scrollLeft = active.offsetLeft - nav.offsetLeft - 8;
  }, []);
  return (
    <nav ref={ref} aria-label={t('calculators.navLabel')} className={classes.nav}>
      {CALCULATORS.map((kind) => (
        <NavLink
          key={kind}
          to={`/calculators/${kind}`}
          className={classes.navLink}
          aria-current={kind === current ? 'page' : undefined}
        >
          {t(`calculators.${calculatorKey(kind)}.short`)}
        </NavLink>
      ))}
    </nav>
  );
}

function CopyLink() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
    } catch {
      // No clipboard (permissions, old browser): show the link to copy by hand.
      setState('manual');
    }
  };
  return (
    <div className={classes.copy}>
      <Button variant="default" leftSection={<IconCopy size={18} />} onClick={() => void copy()}>
        {t('calculators.copyLink')}
      </Button>
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {state === 'copied' ? t('calculators.linkCopied') : ''}
      </Text>
      {state === 'manual' && (
        <TextInput label={t('calculators.linkManual')} readOnly value={window.location.href} w="100%" />
      )}
    </div>
  );
}

export interface CalculatorShellProps {
  kind: CalculatorKind;
  form: ReactNode;
  /** The headline figures (e.g. the monthly payment). */
  summary: ReactNode;
  details?: ReactNode;
  chart?: ReactNode;
  /** The form's request state (`useCalculatorForm`): result, updating, stale, errors, retry. */
  state: CalculatorState;
}

export type CalculatorState = Pick<
  ReturnType<typeof useCalculatorForm>,
  'updating' | 'stale' | 'requestError' | 'unplacedError' | 'retry'
> & { result: unknown };

/**
 * A calculator page: inputs beside the results on a wide screen; on a phone the headline
 * result comes first, then the inputs, then the details. Disclaimer and share link below.
 */
export function CalculatorShell({ state, ...props }: CalculatorShellProps) {
  const hasResult = state.result !== undefined;
  const { t: translate } = useTranslation();
  const t = translate as unknown as (k: string) => string;
  const brand = useBrandInfo();
  const key = calculatorKey(props.kind);
  useDocumentTitle(t(`calculators.${key}.title`), brand.name);
  const limited = isApiError(state.requestError) && state.requestError.status === 429;

  return (
    <div className={classes.page}>
      <PageHeader
        back={{ to: '/calculators', label: t('calculators.allCalculators') }}
        title={t(`calculators.${key}.title`)}
        description={t(`calculators.${key}.intro`)}
      />
      <CalculatorNav current={props.kind} />
      <div className={classes.grid}>
        <Card component="section" className={classes.form} aria-labelledby="calc-inputs">
          <Card.Section>
            <Card.Title id="calc-inputs">{t('calculators.inputsTitle')}</Card.Title>
          </Card.Section>
          <Card.Section>
            <form onSubmit={(e) => e.preventDefault()} noValidate className={classes.fields}>
              {props.form}
            </form>
          </Card.Section>
        </Card>

        <section className={classes.summary} aria-labelledby="calc-result" aria-busy={state.updating}>
          <Card>
            <Card.Section>
              <Group justify="space-between" wrap="nowrap">
                <Card.Title id="calc-result">{t('calculators.resultTitle')}</Card.Title>
                {state.updating && <Loader size="xs" aria-label={t('calculators.updating')} />}
              </Group>
            </Card.Section>
            <Card.Section>
              {state.requestError && !hasResult ? (
                <ErrorState
                  headingOrder={3}
                  title={limited ? t('calculators.rateLimitedTitle') : undefined}
                  description={limited ? t('calculators.rateLimitedBody') : undefined}
                  error={state.requestError}
                  onRetry={state.retry}
                />
              ) : (
                <>
                  {state.requestError ? (
                    <Alert color={limited ? 'yellow' : 'red'} icon={<IconAlertCircle />} mb="md" role="alert">
                      {limited ? t('calculators.rateLimitedBody') : t('calculators.requestFailed')}
                      {!limited && (
                        <Anchor component="button" type="button" ml={6} onClick={state.retry}>
                          {t('states.retry')}
                        </Anchor>
                      )}
                    </Alert>
                  ) : null}
                  {state.unplacedError && (
                    <Alert color="red" icon={<IconAlertCircle />} mb="md" role="alert">
                      {state.unplacedError.message}
                    </Alert>
                  )}
                  {state.stale && !state.requestError && !state.updating && (
                    <Text size="sm" c="dimmed" mb="sm">
                      {t('calculators.fixInputs')}
                    </Text>
                  )}
                  {hasResult ? (
                    <div className={classes.figures} data-stale={state.stale || undefined}>
                      {props.summary}
                    </div>
                  ) : (
                    <Stack gap="sm" aria-hidden="true">
                      <Skeleton height={14} width={140} radius="sm" />
                      <Skeleton height={40} width="70%" radius="sm" />
                      <Skeleton height={12} width="50%" radius="sm" />
                    </Stack>
                  )}
                </>
              )}
            </Card.Section>
          </Card>
        </section>

        {hasResult && (
          <div className={classes.details} data-stale={state.stale || undefined}>
            {props.details}
            {props.chart}
          </div>
        )}
      </div>

      <CopyLink />
      <Text size="sm" c="dimmed" className={classes.disclaimer}>
        {t('calculators.disclaimer')}{' '}
        <Anchor component={Link} to="/signin" size="sm" underline="always">
          {t('calculators.signInCta')}
        </Anchor>
      </Text>
    </div>
  );
}
