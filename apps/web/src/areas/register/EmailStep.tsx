import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import type { RegistrationProgress } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, registration } from '../../api/index.ts';
import { CodeInput, IconCheckCircle } from '../../ui/index.ts';

export function EmailStep({
  email,
  onDone,
}: {
  email: string;
  onDone: (progress: RegistrationProgress) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [resent, setResent] = useState<'sent' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (code.length !== 6) {
      setError(code ? t('mfa.fieldErrors.codeLength') : t('mfa.fieldErrors.codeRequired'));
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      onDone(await registration.verifyEmail(code));
    } catch (e) {
      setCode('');
      setError(
        isApiError(e) && e.status === 429
          ? t('signin.errors.rate_limited')
          : isApiError(e) && e.isNetwork
            ? t('signin.errors.network')
            : t('register.email.wrongCode'),
      );
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  const resend = async () => {
    try {
      await registration.resendEmailCode();
      setResent('sent');
    } catch {
      setResent('failed');
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md">
        <Text>{t('register.email.intro', { email })}</Text>
        <CodeInput
          ref={inputRef}
          label={t('register.email.codeLabel')}
          value={code}
          onChange={(v) => {
            setCode(v);
            if (error) setError(null);
          }}
          error={error}
          maw={260}
        />
        <Button type="submit" size="md" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {t('register.email.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('register.email.noCode')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void resend()}>
            {t('register.email.resend')}
          </Anchor>
        </Text>
        <div role="status">
          {resent === 'sent' && (
            <Alert color="teal" icon={<IconCheckCircle />}>
              {t('register.email.resent')}
            </Alert>
          )}
          {resent === 'failed' && <Alert color="red">{t('states.errorBody')}</Alert>}
        </div>
      </Stack>
    </form>
  );
}
