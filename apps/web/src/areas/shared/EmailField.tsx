import { TextInput } from '@mantine/core';
import { forwardRef } from 'react';

export interface EmailFieldProps {
  label: string;
  description?: string;
  value: string;
  /** The new text; the caller clears the field's error here. */
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** An e-mail address as people type it on a phone: e-mail keyboard, autofill, no caps or spell-check. */
export const EmailField = forwardRef<HTMLInputElement, EmailFieldProps>(function EmailField(
  { label, description, value, onChange, error },
  ref,
) {
  return (
    <TextInput
      ref={ref}
      label={label}
      description={description}
      type="email"
      inputMode="email"
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      required
      withAsterisk={false}
      size="md"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
});
