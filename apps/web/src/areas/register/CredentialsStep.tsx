import { Alert, Button, Stack } from '@mantine/core';
import type { RegistrationProgress } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, registration } from '../../api/index.ts';
import { estimateStrength, IconAlertCircle } from '../../ui/index.ts';
import { NewPasswordField, usePasswordRejection } from '../security/NewPasswordField.tsx';
import { EmailField } from '../shared/EmailField.tsx';
import { focusFirstError, serverFieldErrors } from '../shared/fieldErrors.ts';

type Field = 'email' | 'password';
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CredentialsStep({
  context,
  onDone,
}: {
  context: readonly string[];
  onDone: (progress: RegistrationProgress, email: string) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const rejection = usePasswordRejection();
  const words = [...context, email.split('@')[0] ?? ''];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    const trimmed = email.trim();
    if (!trimmed) found.email = t('signin.fieldErrors.emailRequired');
    else if (!EMAIL_SHAPE.test(trimmed) || trimmed.length > 254)
      found.email = t('signin.fieldErrors.emailInvalid');
    const strength = estimateStrength(password, words);
    if (!password) found.password = t('password.required');
    else if (strength.hint === 'tooShort') found.password = t('password.server.tooShort');
    else if (strength.hint === 'tooLong') found.password = t('password.server.tooLong');
    setErrors(found);
    if (found.email || found.password) {
      focusFirstError(found, ['email', 'password'], refs);
      return;
    }
    setPending(true);
    try {
      onDone(await registration.credentials({ email: trimmed, password }), trimmed);
    } catch (error) {
      const server = serverFieldErrors(error, ['email', 'password'] as const);
      const mapped = { email: server.email?.message, password: rejection(server.password) };
      if (mapped.email || mapped.password) {
        setErrors(mapped);
        focusFirstError(mapped, ['email', 'password'], refs);
      } else {
        setFormError(
          isApiError(error) && error.isNetwork
            ? t('signin.errors.network')
            : isApiError(error) && error.status === 429
              ? t('signin.errors.rate_limited')
              : isApiError(error) && error.detail
                ? error.detail
                : t('signin.errors.generic'),
        );
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md">
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />}>
            {formError}
          </Alert>
        )}
        <EmailField
          ref={refs.email}
          label={t('signin.email')}
          description={t('register.credentials.emailHelp')}
          value={email}
          onChange={(v) => {
            setEmail(v);
            if (errors.email) setErrors((x) => ({ ...x, email: undefined }));
          }}
          error={errors.email}
        />
        <NewPasswordField
          ref={refs.password}
          value={password}
          onChange={(v) => {
            setPassword(v);
            if (errors.password) setErrors((x) => ({ ...x, password: undefined }));
          }}
          error={errors.password}
          context={words}
        />
        <Button type="submit" size="md" loading={pending} mt="xs">
          {t('register.continue')}
        </Button>
      </Stack>
    </form>
  );
}
