import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError, isStepUpRequired, stepUp } from '../../api/index.ts';
import { CodeInput } from '../../ui/index.ts';

type Pending = { resolve: () => void; reject: (error: unknown) => void };

/**
 * Sensitive changes may be answered "step up first". `guard(fn)` runs fn; if the server asks for a
 * fresh second factor, a dialog asks for an authenticator (or recovery) code, then fn runs again.
 */
export function useStepUp(): { guard: <T>(fn: () => Promise<T>) => Promise<T>; dialog: ReactNode } {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const [method, setMethod] = useState<'totp' | 'recovery_code'>('totp');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const ask = useCallback(
    () =>
      new Promise<void>((resolve, reject) => {
        setCode('');
        setError(null);
        setMethod('totp');
        setPending({ resolve, reject });
      }),
    [],
  );

  const guard = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (e) {
        if (!isStepUpRequired(e)) throw e;
        await ask();
        return fn();
      }
    },
    [ask],
  );

  const cancel = () => {
    pending?.reject(new ApiError({ status: 0, code: 'step_up_cancelled' }));
    setPending(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !pending) return;
    if (!code.trim()) {
      setError(t('mfa.fieldErrors.codeRequired'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await stepUp(method, code.trim());
      pending.resolve();
      setPending(null);
    } catch (e) {
      setCode('');
      setError(
        isApiError(e) && e.status === 429 ? t('signin.errors.rate_limited') : t('mfa.fieldErrors.codeWrong'),
      );
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const dialog = (
    <Modal
      opened={pending !== null}
      onClose={cancel}
      title={t('stepUp.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
        <Stack gap="md">
          <Text size="sm">{method === 'totp' ? t('stepUp.bodyTotp') : t('stepUp.bodyRecovery')}</Text>
          <CodeInput
            ref={inputRef}
            data-autofocus
            kind={method === 'totp' ? 'digits' : 'recovery'}
            label={method === 'totp' ? t('mfa.totpLabel') : t('mfa.recoveryLabel')}
            value={code}
            onChange={(v) => {
              setCode(v);
              if (error) setError(null);
            }}
            error={error}
          />
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => {
              setMethod(method === 'totp' ? 'recovery_code' : 'totp');
              setCode('');
              setError(null);
            }}
          >
            {method === 'totp' ? t('mfa.useRecovery') : t('mfa.useTotp')}
          </Anchor>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('stepUp.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );

  return { guard, dialog };
}
