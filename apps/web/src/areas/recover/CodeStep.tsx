import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accountRecovery } from '../../api/index.ts';
import { CodeEntryForm } from '../shared/CodeEntryForm.tsx';

/** Step 2: the code e-mailed to the sign-in address (if everything matched). */
export function CodeStep({
  attemptToken,
  email,
  onVerified,
  onRestart,
}: {
  attemptToken: string;
  email: string;
  onVerified: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  return (
    <CodeEntryForm
      intro={t('accountRecovery.code.sent', { email })}
      label={t('accountRecovery.code.label')}
      submitLabel={t('accountRecovery.code.submit')}
      wrongCode={t('accountRecovery.code.wrong')}
      verify={async (code) => {
        await accountRecovery.verify(attemptToken, code);
        onVerified();
      }}
      footer={
        <Text size="sm" c="dimmed">
          {t('accountRecovery.code.noCode')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            {t('accountRecovery.restart')}
          </Anchor>
        </Text>
      }
    />
  );
}
