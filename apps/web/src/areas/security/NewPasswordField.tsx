import { PasswordInput } from '@mantine/core';
import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IconEye, IconEyeOff, PasswordStrength } from '../../ui/index.ts';

export interface NewPasswordFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  context?: readonly string[];
  label?: string;
}

/** A new password with the strength meter under it; the server's rejection shows as the field error. */
export const NewPasswordField = forwardRef<HTMLInputElement, NewPasswordFieldProps>(function NewPasswordField(
  { value, onChange, error, context, label },
  ref,
) {
  const { t } = useTranslation();
  const meterId = useId();
  return (
    <div>
      <PasswordInput
        ref={ref}
        label={label ?? t('password.newLabel')}
        name="new-password"
        autoComplete="new-password"
        required
        withAsterisk={false}
        size="md"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        // Mantine's PasswordInput links the error (aria-describedby) but does not mark the field invalid.
        aria-invalid={error ? true : undefined}
        aria-describedby={meterId}
        visibilityToggleFocusable
        visibilityToggleButtonProps={{ 'aria-label': t('signin.showPassword') }}
        visibilityToggleIcon={({ reveal }) => (reveal ? <IconEyeOff size={20} /> : <IconEye size={20} />)}
      />
      <PasswordStrength password={value} context={context} id={meterId} />
    </div>
  );
});

const SERVER_CODES = {
  too_short: 'tooShort',
  password_too_short: 'tooShort',
  too_big: 'tooLong',
  too_long: 'tooLong',
  password_too_long: 'tooLong',
  too_common: 'common',
  password_common: 'common',
  password_too_common: 'common',
  common_password: 'common',
  password_breached: 'breached',
  breached_password: 'breached',
  contains_context: 'context',
  password_context: 'context',
  password_contains_context: 'context',
  context_word: 'context',
} as const;

/** The server's password rejection, translated when we know its code, its own words otherwise. */
export function usePasswordRejection() {
  const { t } = useTranslation();
  return (item: { code: string; message: string } | undefined): string | undefined => {
    if (!item) return undefined;
    const key = SERVER_CODES[item.code as keyof typeof SERVER_CODES];
    return key ? t(`password.server.${key}`) : item.message;
  };
}
