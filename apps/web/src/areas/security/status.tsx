import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateSecurity } from '../../api/index.ts';
import { IconAlertCircle, IconCheckCircle } from '../../ui/index.ts';

export type Status = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Runs one security-centre change at a time: marks which control is busy, says how it went
 * (`failure` words the error, or returns null to say nothing, e.g. a cancelled step-up), and
 * refreshes the security centre afterwards either way.
 */
export function useStatusRun(failure: (error: unknown) => string | null) {
  const invalidate = useInvalidateSecurity();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, work: () => Promise<unknown>, ok: string): Promise<boolean> => {
    setBusy(key);
    setStatus(null);
    try {
      await work();
      setStatus({ tone: 'ok', text: ok });
      return true;
    } catch (error) {
      const text = failure(error);
      if (text) setStatus({ tone: 'error', text });
      return false;
    } finally {
      setBusy(null);
      void invalidate();
    }
  };
  return { status, busy, run };
}

/** The outcome of the last change, announced politely to screen readers; `onClose` lets people dismiss it. */
export function StatusAlert({ status, onClose }: { status: Status; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {status && (
        <Alert
          mt="md"
          color={status.tone === 'ok' ? 'teal' : 'red'}
          icon={status.tone === 'ok' ? <IconCheckCircle /> : <IconAlertCircle />}
          withCloseButton={Boolean(onClose)}
          closeButtonLabel={t('common.done')}
          onClose={onClose}
        >
          {status.text}
        </Alert>
      )}
    </div>
  );
}
