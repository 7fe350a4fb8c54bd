import { Button, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import { CodeInput } from '../../ui/index.ts';

export interface CodeEntryFormProps {
  /** Where the code was sent, in a sentence. */
  intro: string;
  label: string;
  submitLabel: string;
  /** Checks the code with the server; a rejection shows `wrongCode` (or the rate-limit/network text). */
  verify: (code: string) => Promise<void>;
  wrongCode: string;
  /** Under the button: "no code?" help, resend or start-again links, their status. */
  footer: ReactNode;
}

/** A 6-digit code that was e-mailed: one field, its error beside it, focus back on a wrong code. */
export function CodeEntryForm({ intro, label, submitLabel, verify, wrongCode, footer }: CodeEntryFormProps) {
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
      await verify(code);
    } catch (e) {
      setCode('');
      setError(
        isApiError(e) && e.status === 429
          ? t('signin.errors.rate_limited')
          : isApiError(e) && e.isNetwork
            ? t('signin.errors.network')
            : wrongCode,
      );
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md">
        <Text>{intro}</Text>
        <CodeInput
          ref={inputRef}
          label={label}
          value={code}
          onChange={(v) => {
            setCode(v);
            if (error) setError(null);
          }}
          error={error}
          maw={260}
        />
        <Button type="submit" size="md" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
