import { Button, Stack, Text, Title } from '@mantine/core';
import type { RegistrationProgress } from '@marque/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clearPersonalData, registration, useMe } from '../../api/index.ts';
import { Card, IconCheckCircle, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import { TotpSetup } from '../security/TotpSetup.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { ConsentsStep } from './ConsentsStep.tsx';
import { CredentialsStep } from './CredentialsStep.tsx';
import { EmailStep } from './EmailStep.tsx';
import { IdentityStep } from './IdentityStep.tsx';
import classes from './register.module.css';
import { type Step, Stepper } from './Stepper.tsx';

const FROM_SERVER: Record<RegistrationProgress['next'], Step> = {
  credentials: 'credentials',
  verify_email: 'email',
  totp: 'authenticator',
  consents: 'consents',
  done: 'done',
};

/**
 * `/register`: online access for a customer whose contract exists. The server holds the progress
 * behind a cookie and decides the next step; nothing typed here is kept once the page is left.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const client = useQueryClient();
  const [step, setStep] = useState<Step>('identity');
  const [names, setNames] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(`${t(`register.steps.${step}`)} · ${t('register.title')}`, brand.name);

  const advance = (progress: RegistrationProgress) => setStep(FROM_SERVER[progress.next]);

  // Each new step is announced: focus moves to its heading.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
    if (step === 'done') void clearPersonalData(client);
  }, [step, client]);

  return (
    <div className={classes.layout}>
      <PageHeader title={t('register.title')} description={t('register.intro')} />
      <Card className={classes.card}>
        <Stepper current={step} />
        <Title order={2} size="h3" tabIndex={-1} ref={headingRef} mb={6}>
          {t(`register.headings.${step}`)}
        </Title>
        <Text c="dimmed" mb="lg">
          {t(`register.intros.${step}`)}
        </Text>
        {step === 'identity' && (
          <IdentityStep
            onVerified={(progress, person) => {
              setNames([person.firstName, person.lastName, brand.name, brand.shortName]);
              advance(progress);
            }}
          />
        )}
        {step === 'credentials' && (
          <CredentialsStep
            context={names}
            onDone={(progress, address) => {
              setEmail(address);
              advance(progress);
            }}
          />
        )}
        {step === 'email' && <EmailStep email={email} onDone={advance} />}
        {step === 'authenticator' && (
          <TotpSetup
            scope="registration"
            start={registration.startTotp}
            confirm={registration.confirmTotp}
            onDone={() => setStep('consents')}
            headingOrder={3}
          />
        )}
        {step === 'consents' && <ConsentsStep onDone={() => setStep('done')} />}
        {step === 'done' && <Done />}
      </Card>
      {step === 'identity' && (
        <Text ta="center" mt="lg" size="sm">
          {t('register.haveAccess')}{' '}
          <Link to="/signin" className="mantine-focus-auto">
            {t('user.signIn')}
          </Link>
        </Text>
      )}
    </div>
  );
}

function Done() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data) && !me.isError;
  return (
    <Stack gap="md" align="flex-start">
      <Text c="teal.9" fw={650} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <IconCheckCircle size={22} /> {t('register.done.ready')}
      </Text>
      <Button component={Link} to={signedIn ? '/' : '/signin'} size="md">
        {signedIn ? t('register.done.toAccounts') : t('register.done.signIn')}
      </Button>
    </Stack>
  );
}
