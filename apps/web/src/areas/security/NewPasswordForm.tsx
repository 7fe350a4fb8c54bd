import { Button, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateStrength } from '../../ui/index.ts';
import { FormError } from '../shared/FormError.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import { useRequestErrorText } from '../shared/requestErrorText.ts';
import { useFieldForm } from '../shared/useFieldForm.ts';
import { NewPasswordField, usePasswordRejection } from './NewPasswordField.tsx';

const FIELDS = ['password'] as const;

export interface NewPasswordFormProps {
  /** Words the password should not contain (names, e-mail, brand): the meter warns about them. */
  context: readonly string[];
  submitLabel: string;
  /** The request field the server names when it refuses the password. */
  serverField: 'password' | 'newPassword';
  /** Sends the password and moves on. */
  send: (password: string) => Promise<void>;
  /** A failure the caller shows itself (a link that expired...): true when it did. */
  onFailure?: (error: unknown) => boolean;
  /** Above the field: notes, alerts, a hidden user name for password managers. */
  children?: ReactNode;
}

/**
 * Choosing a new password, wherever it happens (recovery, an invitation): the meter as it is
 * typed, length checked here, everything else (common, breached, context words) by the server,
 * whose refusal is shown beside the field in the reader's language.
 */
export function NewPasswordForm({
  context,
  submitLabel,
  serverField,
  send,
  onFailure,
  children,
}: NewPasswordFormProps) {
  const { t } = useTranslation();
  const rejection = usePasswordRejection();
  const requestError = useRequestErrorText();
  const inputRef = useRef<HTMLInputElement>(null);
  const { errors, formError, pending, submit, clearError } = useFieldForm(FIELDS, { password: inputRef });
  const [password, setPassword] = useState('');

  const check = () => {
    const hint = estimateStrength(password, context).hint;
    if (!password) return { password: t('password.required') };
    if (hint === 'tooShort' || hint === 'tooLong') return { password: t(`password.server.${hint}`) };
    return {};
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return submit({
      check,
      send: () => send(password),
      fieldErrorsOf: (error) => ({
        password: rejection(serverFieldErrors(error, [serverField])[serverField]),
      }),
      formErrorOf: (error) => (onFailure?.(error) ? null : requestError(error)),
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md">
        <FormError message={formError} />
        {children}
        <NewPasswordField
          ref={inputRef}
          value={password}
          onChange={(v) => {
            setPassword(v);
            clearError('password');
          }}
          error={errors.password}
          context={context}
        />
        <Button type="submit" size="md" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
