import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef } from 'react';

export interface CodeInputProps extends Omit<TextInputProps, 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** `digits`: a one-time code from an app or an e-mail; `recovery`: a recovery code (letters too). */
  kind?: 'digits' | 'recovery';
  length?: number;
}

/**
 * A one-time code field: numeric keypad on phones, the browser's one-time-code autofill, nothing but
 * digits kept. Recovery codes keep letters and dashes and are never autofilled or spell-checked.
 */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  { value, onChange, kind = 'digits', length = 6, classNames, ...props },
  ref,
) {
  const digits = kind === 'digits';
  return (
    <TextInput
      ref={ref}
      value={value}
      onChange={(event) => {
        const raw = event.currentTarget.value;
        onChange(digits ? raw.replace(/\D/g, '').slice(0, length) : raw.slice(0, 64));
      }}
      inputMode={digits ? 'numeric' : 'text'}
      autoComplete={digits ? 'one-time-code' : 'off'}
      pattern={digits ? '[0-9]*' : undefined}
      maxLength={digits ? length : 64}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      size="md"
      classNames={{ input: 'tabular', ...(classNames as object) }}
      styles={{
        input: {
          letterSpacing: digits ? '0.3em' : '0.05em',
          fontFamily: 'var(--mantine-font-family-monospace)',
        },
      }}
      withAsterisk={false}
      required
      {...props}
    />
  );
});
