import { Alert, Anchor, Text } from '@mantine/core';
import type { RegistrationProgress } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registration } from '../../api/index.ts';
import { IconCheckCircle } from '../../ui/index.ts';
import { CodeEntryForm } from '../shared/CodeEntryForm.tsx';

export function EmailStep({
  email,
  onDone,
}: {
  email: string;
  onDone: (progress: RegistrationProgress) => void;
}) {
  const { t } = useTranslation();
  const [resent, setResent] = useState<'sent' | 'failed' | null>(null);

  const resend = async () => {
    try {
      await registration.resendEmailCode();
      setResent('sent');
    } catch {
      setResent('failed');
    }
  };

  return (
    <CodeEntryForm
      intro={t('register.email.intro', { email })}
      label={t('register.email.codeLabel')}
      submitLabel={t('register.email.submit')}
      wrongCode={t('register.email.wrongCode')}
      verify={async (code) => onDone(await registration.verifyEmail(code))}
      footer={
        <>
          <Text size="sm" c="dimmed">
            {t('register.email.noCode')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => void resend()}>
              {t('register.email.resend')}
            </Anchor>
          </Text>
          <div role="status">
            {resent === 'sent' && (
              <Alert color="teal" icon={<IconCheckCircle />}>
                {t('register.email.resent')}
              </Alert>
            )}
            {resent === 'failed' && <Alert color="red">{t('states.errorBody')}</Alert>}
          </div>
        </>
      }
    />
  );
}
