import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import type { RecoveryCompleted } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRecovery, isApiError } from '../../api/index.ts';
import { estimateStrength, IconAlertCircle } from '../../ui/index.ts';
import { NewPasswordField, usePasswordRejection } from '../security/NewPasswordField.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import { useRequestErrorText } from '../shared/requestErrorText.ts';

/** Step 3: a new password (the same rules as at registration). */
export function PasswordStep({
  attemptToken,
  email,
  lostAuthenticator,
  onDone,
  onRestart,
}: {
  attemptToken: string;
  email: string;
  lostAuthenticator: boolean;
  onDone: (result: RecoveryCompleted) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const rejection = usePasswordRejection();
  const requestError = useRequestErrorText();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [expired, setExpired] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const words = [email.split('@')[0] ?? ''];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const strength = estimateStrength(password, words);
    const found = !password
      ? t('password.required')
      : strength.hint === 'tooShort'
        ? t('password.server.tooShort')
        : strength.hint === 'tooLong'
          ? t('password.server.tooLong')
          : undefined;
    setError(found);
    if (found) {
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      onDone(await accountRecovery.complete(attemptToken, password));
    } catch (e) {
      const server = rejection(serverFieldErrors(e, ['newPassword'] as const).newPassword);
      if (server) {
        setError(server);
        inputRef.current?.focus();
      } else if (isApiError(e) && e.code === 'recovery_expired') {
        setExpired(true);
      } else {
        setFormError(requestError(e));
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md">
        {expired && (
          <Alert color="red" icon={<IconAlertCircle />} title={t('accountRecovery.password.expiredTitle')}>
            <Text size="sm">{t('accountRecovery.password.expired')}</Text>
            <Anchor component="button" type="button" size="sm" onClick={onRestart} mt={6}>
              {t('accountRecovery.restart')}
            </Anchor>
          </Alert>
        )}
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />}>
            {formError}
          </Alert>
        )}
        {lostAuthenticator && <Text size="sm">{t('accountRecovery.password.authenticatorNote')}</Text>}
        {/* Lets password managers save the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" hidden readOnly value={email} />
        <NewPasswordField
          ref={inputRef}
          value={password}
          onChange={(v) => {
            setPassword(v);
            if (error) setError(undefined);
          }}
          error={error}
          context={words}
        />
        <Button type="submit" size="md" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {t('accountRecovery.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
