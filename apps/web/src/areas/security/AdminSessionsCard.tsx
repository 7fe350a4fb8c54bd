import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminSecurity, isApiError, useInvalidateSecurity } from '../../api/index.ts';
import { Card, IconAlertCircle, IconCheckCircle } from '../../ui/index.ts';
import type { useStepUp } from './StepUp.tsx';

type Guard = ReturnType<typeof useStepUp>['guard'];

/**
 * Admins only: sign everyone out at once (an incident). A confirmation first, then a fresh second
 * factor; the admin's own session stays.
 */
export function AdminSessionsCard({ guard }: { guard: Guard }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateSecurity();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ revoked: number } | 'error' | null>(null);

  const run = async () => {
    setConfirming(false);
    setPending(true);
    setResult(null);
    try {
      setResult(await guard(adminSecurity.revokeAllSessions));
      void invalidate();
    } catch (e) {
      if (!(isApiError(e) && e.code === 'step_up_cancelled')) setResult('error');
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="everyone-title">
      <Card.Section>
        <Card.Title id="everyone-title">{t('adminSecurity.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4} mb="md">
          {t('adminSecurity.intro')}
        </Text>
        <div role="status">
          {result !== null && result !== 'error' && (
            <Alert mb="md" color="teal" icon={<IconCheckCircle />}>
              {t('adminSecurity.done', { count: result.revoked })}
            </Alert>
          )}
          {result === 'error' && (
            <Alert mb="md" color="red" icon={<IconAlertCircle />}>
              {t('states.errorBody')}
            </Alert>
          )}
        </div>
        <Button color="red.9" variant="outline" loading={pending} onClick={() => setConfirming(true)}>
          {t('adminSecurity.button')}
        </Button>
      </Card.Section>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('adminSecurity.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm">{t('adminSecurity.confirmBody')}</Text>
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={() => void run()}>
            {t('adminSecurity.confirm')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
