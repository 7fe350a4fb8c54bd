import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { RecoveryCompleted } from '@marque/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, IconCheckCircle, IconKey, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import classes from '../register/register.module.css';
import { Stepper } from '../register/Stepper.tsx';
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(`${t(`accountRecovery.steps.${step}`)} · ${t('accountRecovery.title')}`, brand.name);

  // Each new step is announced: focus moves to its heading.
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const restart = () => {
    setAttempt(null);
    setStep('details');
  };

  return (
    <div className={classes.layout}>
      <PageHeader title={t('accountRecovery.title')} description={t('accountRecovery.intro')} />
      <Card className={classes.card}>
        <Stepper
          current={step}
          steps={STEPS}
          nameOf={(s) => t(`accountRecovery.steps.${s}`)}
          label={t('accountRecovery.stepsLabel')}
        />
        <Title order={2} size="h3" tabIndex={-1} ref={headingRef} mb={6}>
          {t(`accountRecovery.headings.${step}`)}
        </Title>
        <Text c="dimmed" mb="lg">
          {t(`accountRecovery.intros.${step}`)}
        </Text>
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
      </Card>
      {step === 'details' && (
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
      )}
    </div>
  );
}
