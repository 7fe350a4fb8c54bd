import { Anchor, Button, Stack, Text } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRecovery, isApiError } from '../../api/index.ts';
import { CodeInput } from '../../ui/index.ts';

/** Step 2: the code e-mailed to the sign-in address (if everything matched). */
export function CodeStep({
  attemptToken,
  email,
  onVerified,
  onRestart,
}: {
  attemptToken: string;
  email: string;
  onVerified: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
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
      await accountRecovery.verify(attemptToken, code);
      onVerified();
    } catch (e) {
      setCode('');
      setError(
        isApiError(e) && e.status === 429
          ? t('signin.errors.rate_limited')
          : isApiError(e) && e.isNetwork
            ? t('signin.errors.network')
            : t('accountRecovery.code.wrong'),
      );
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md">
        <Text>{t('accountRecovery.code.sent', { email })}</Text>
        <CodeInput
          ref={inputRef}
          label={t('accountRecovery.code.label')}
          value={code}
          onChange={(v) => {
            setCode(v);
            if (error) setError(null);
          }}
          error={error}
          maw={260}
        />
        <Button type="submit" size="md" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {t('accountRecovery.code.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('accountRecovery.code.noCode')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            {t('accountRecovery.restart')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
