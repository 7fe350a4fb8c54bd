import { Radio, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRecovery } from '../../api/index.ts';
import { IdentityStep } from '../register/IdentityStep.tsx';
import { EmailField } from '../shared/EmailField.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface RecoveryStarted {
  attemptToken: string;
  email: string;
  lostAuthenticator: boolean;
}

/**
 * Step 1: the sign-in e-mail, what was lost, and the same identity facts as registration. The
 * answer never says whether anything matched; the next step only says where a code would go.
 */
export function DetailsStep({ onStarted }: { onStarted: (started: RecoveryStarted) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [lost, setLost] = useState<'password' | 'authenticator'>('password');
  const [emailError, setEmailError] = useState<string | undefined>();
  const emailRef = useRef<HTMLInputElement>(null);

  const checkEmail = () => {
    const trimmed = email.trim();
    const error = !trimmed
      ? t('signin.fieldErrors.emailRequired')
      : !EMAIL_SHAPE.test(trimmed) || trimmed.length > 254
        ? t('signin.fieldErrors.emailInvalid')
        : undefined;
    setEmailError(error);
    if (error) emailRef.current?.focus();
    return !error;
  };

  const before = (
    <Stack gap="md">
      <EmailField
        ref={emailRef}
        label={t('accountRecovery.details.email')}
        description={t('accountRecovery.details.emailHelp')}
        value={email}
        onChange={(v) => {
          setEmail(v);
          if (emailError) setEmailError(undefined);
        }}
        error={emailError}
      />
      <Radio.Group
        label={t('accountRecovery.details.what')}
        value={lost}
        onChange={(v) => setLost(v === 'authenticator' ? 'authenticator' : 'password')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="password" label={t('accountRecovery.details.forgotPassword')} />
          <Radio
            value="authenticator"
            label={t('accountRecovery.details.lostAuthenticator')}
            description={t('accountRecovery.details.lostAuthenticatorHelp')}
          />
        </Stack>
      </Radio.Group>
    </Stack>
  );

  return (
    <IdentityStep
      before={before}
      checkBefore={checkEmail}
      submitLabel={t('accountRecovery.details.submit')}
      failureTitle={t('accountRecovery.errorTitle')}
      onServerError={(error) => {
        if (!serverFieldErrors(error, ['email'] as const).email) return false;
        setEmailError(t('signin.fieldErrors.emailInvalid'));
        emailRef.current?.focus();
        return true;
      }}
      submit={async (identity) => {
        const trimmed = email.trim();
        const lostAuthenticator = lost === 'authenticator';
        const started = await accountRecovery.start({ email: trimmed, identity, lostAuthenticator });
        onStarted({ attemptToken: started.attemptToken, email: trimmed, lostAuthenticator });
      }}
    />
  );
}
