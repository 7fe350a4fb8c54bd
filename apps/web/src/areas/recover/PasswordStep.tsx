import { Alert, Anchor, Text } from '@mantine/core';
import type { RecoveryCompleted } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRecovery, isApiError } from '../../api/index.ts';
import { IconAlertCircle } from '../../ui/index.ts';
import { NewPasswordForm } from '../security/NewPasswordForm.tsx';

/** Step 3: a new password (the same rules as at registration). */
export function PasswordStep({
  attemptToken,
  email,
  lostAuthenticator,
  onDone,
  onRestart,
}: {
  attemptToken: string;
  email: string;
  lostAuthenticator: boolean;
  onDone: (result: RecoveryCompleted) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [expired, setExpired] = useState(false);

  return (
    <NewPasswordForm
      context={[email.split('@')[0] ?? '']}
      submitLabel={t('accountRecovery.password.submit')}
      serverField="newPassword"
      send={async (password) => {
        setExpired(false);
        onDone(await accountRecovery.complete(attemptToken, password));
      }}
      onFailure={(error) => {
        const gone = isApiError(error) && error.code === 'recovery_expired';
        setExpired(gone);
        return gone;
      }}
    >
      {expired && (
        <Alert color="red" icon={<IconAlertCircle />} title={t('accountRecovery.password.expiredTitle')}>
          <Text size="sm">{t('accountRecovery.password.expired')}</Text>
          <Anchor component="button" type="button" size="sm" onClick={onRestart} mt={6}>
            {t('accountRecovery.restart')}
          </Anchor>
        </Alert>
      )}
      {lostAuthenticator && <Text size="sm">{t('accountRecovery.password.authenticatorNote')}</Text>}
      {/* Lets password managers save the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" hidden readOnly value={email} />
    </NewPasswordForm>
  );
}
