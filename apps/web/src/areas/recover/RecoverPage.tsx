import { Alert, Button, Stack, Text } from '@mantine/core';
import type { RecoveryCompleted } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconCheckCircle, IconKey, useDocumentTitle } from '../../ui/index.ts';
import { Wizard } from '../register/Wizard.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { CodeStep } from './CodeStep.tsx';
import { DetailsStep, type RecoveryStarted } from './DetailsStep.tsx';
import { PasswordStep } from './PasswordStep.tsx';

const STEPS = ['details', 'code', 'password', 'done'] as const;
type Step = (typeof STEPS)[number];

/**
 * `/recover`: "forgot password / lost my authenticator" for customers, by identity re-verification
 * plus a code e-mailed to their sign-in address. It ends at the sign-in page: a recovery never
 * signs anyone in, and a removed authenticator is set up again at that sign-in.
 */
export function RecoverPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const [step, setStep] = useState<Step>('details');
  const [attempt, setAttempt] = useState<RecoveryStarted | null>(null);
  const [result, setResult] = useState<RecoveryCompleted | null>(null);
  useDocumentTitle(`${t(`accountRecovery.steps.${step}`)} · ${t('accountRecovery.title')}`, brand.name);

  const restart = () => {
    setAttempt(null);
    setStep('details');
  };

  return (
    <Wizard
      title={t('accountRecovery.title')}
      intro={t('accountRecovery.intro')}
      steps={STEPS}
      current={step}
      nameOf={(s) => t(`accountRecovery.steps.${s}`)}
      label={t('accountRecovery.stepsLabel')}
      heading={t(`accountRecovery.headings.${step}`)}
      headingIntro={t(`accountRecovery.intros.${step}`)}
      after={
        step === 'details' && (
          <Alert
            mt="lg"
            color="gray"
            variant="light"
            icon={<IconKey />}
            title={t('accountRecovery.notes.title')}
          >
            <Stack gap="xs">
              <Text size="sm">
                {t('accountRecovery.notes.recoveryCode')}{' '}
                <Link to="/signin" className="mantine-focus-auto">
                  {t('accountRecovery.notes.signIn')}
                </Link>
              </Text>
              <Text size="sm">{t('accountRecovery.notes.staff')}</Text>
            </Stack>
          </Alert>
        )
      }
    >
      {step === 'details' && (
        <DetailsStep
          onStarted={(started) => {
            setAttempt(started);
            setStep('code');
          }}
        />
      )}
      {step === 'code' && attempt && (
        <CodeStep
          attemptToken={attempt.attemptToken}
          email={attempt.email}
          onVerified={() => setStep('password')}
          onRestart={restart}
        />
      )}
      {step === 'password' && attempt && (
        <PasswordStep
          attemptToken={attempt.attemptToken}
          email={attempt.email}
          lostAuthenticator={attempt.lostAuthenticator}
          onDone={(done) => {
            setResult(done);
            setAttempt(null);
            setStep('done');
          }}
          onRestart={restart}
        />
      )}
      {step === 'done' && (
        <Stack gap="md" align="flex-start">
          <Text c="teal.9" fw={650} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <IconCheckCircle size={22} /> {t('accountRecovery.done.ready')}
          </Text>
          {result?.mfaEnrolmentRequired && <Text>{t('accountRecovery.done.enrolNext')}</Text>}
          <Button component={Link} to="/signin" size="md">
            {t('accountRecovery.done.signIn')}
          </Button>
        </Stack>
      )}
    </Wizard>
  );
}
