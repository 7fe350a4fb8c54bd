import { Button, Stack, Text } from '@mantine/core';
import type { TotpEnrolment } from '@marque/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import { CodeInput, ErrorState, LoadingState, QrCode } from '../../ui/index.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import classes from './security.module.css';

export interface TotpSetupProps {
  /** Distinguishes enrolments in the query cache (registration, re-enrolment, sign-in). */
  scope: string;
  start: () => Promise<TotpEnrolment>;
  confirm: (code: string) => Promise<{ recoveryCodes: string[] }>;
  onDone: () => void;
  doneLabel?: string;
  headingOrder?: 2 | 3;
}

/** "1234ABCD..." -> "1234 ABCD ...": easier to type from the screen; authenticator apps ignore spaces. */
function groupSecret(secret: string): string {
  return secret
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

/**
 * Authenticator enrolment: a QR code with the key written out as text beside it (for people who
 * can't scan, or use a screen reader), then the first code, then the recovery codes shown once.
 */
export function TotpSetup({ scope, start, confirm, onDone, doneLabel, headingOrder = 2 }: TotpSetupProps) {
  const { t } = useTranslation();
  // A query (not an effect) so React's double rendering in development asks the server only once.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', scope],
    queryFn: start,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  if (recoveryCodes) {
    return <RecoveryCodesPanel codes={recoveryCodes} onDone={onDone} doneLabel={doneLabel} />;
  }
  if (enrolment.isPending) return <LoadingState cards={1} />;
  if (enrolment.isError) {
    return (
      <ErrorState
        headingOrder={headingOrder}
        error={enrolment.error}
        onRetry={() => void enrolment.refetch()}
        retrying={enrolment.isFetching}
      />
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (code.length !== 6) {
      setError(t('mfa.fieldErrors.codeLength'));
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await confirm(code);
      setRecoveryCodes(result.recoveryCodes);
    } catch (e) {
      setCode('');
      setError(
        isApiError(e) && e.isNetwork
          ? t('states.networkError')
          : isApiError(e) && e.status === 429
            ? t('signin.errors.rate_limited')
            : t('mfa.fieldErrors.codeWrong'),
      );
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  const { secret, otpauthUri } = enrolment.data;
  return (
    <Stack gap="lg">
      <Text>{t('totp.intro')}</Text>
      <div className={classes.totpGrid}>
        <div className={classes.qr}>
          <QrCode value={otpauthUri} label={t('totp.qrLabel')} />
        </div>
        <Stack gap="xs">
          <Text fw={650}>{t('totp.cantScan')}</Text>
          <Text size="sm" c="dimmed">
            {t('totp.keyHelp')}
          </Text>
          <code className={classes.secret} data-testid="totp-secret">
            {groupSecret(secret)}
          </code>
          <Text size="sm" c="dimmed">
            {t('totp.keyType')}
          </Text>
        </Stack>
      </div>
      <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
        <Stack gap="md">
          <CodeInput
            ref={inputRef}
            label={t('totp.codeLabel')}
            description={t('totp.codeHelp')}
            value={code}
            onChange={(v) => {
              setCode(v);
              if (error) setError(null);
            }}
            error={error}
            maw={260}
          />
          <Button type="submit" size="md" loading={pending} style={{ alignSelf: 'flex-start' }}>
            {t('totp.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
