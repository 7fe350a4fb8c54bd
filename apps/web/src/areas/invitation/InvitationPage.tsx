import { Button, Stack, Text } from '@mantine/core';
import type { Me, Role } from '@marque/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  acceptInvitation,
  DEALER_ROLES,
  isApiError,
  isPreAuthExpired,
  useSignInEnrolment,
} from '../../api/index.ts';
import { EmptyState, ErrorState, IconMail, PageHeader, useDocumentTitle } from '../../ui/index.ts';
import classes from '../register/register.module.css';
import { Wizard } from '../register/Wizard.tsx';
import { NewPasswordForm } from '../security/NewPasswordForm.tsx';
import { TotpSetup } from '../security/TotpSetup.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';

const STEPS = ['password', 'authenticator', 'codes'] as const;
type Step = (typeof STEPS)[number];
type Dead = 'missing' | 'invalid' | 'timedOut';

/**
 * The one-time token travels in the link's fragment (`/invitation#token=…`), which browsers never
 * send to a server. It is read once, kept only in memory, and removed from the address bar so it
 * doesn't linger in history, bookmarks or screenshots.
 */
function takeTokenFromFragment(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && token.length <= 100 ? token : null;
}

function areaHome(role: Role): string {
  if (DEALER_ROLES.includes(role)) return '/dealer';
  return role === 'customer' ? '/' : '/ops';
}

/**
 * `/invitation`: an invited staff or dealer user (or one whose access an admin reset) chooses a
 * password, sets up an authenticator app, saves the recovery codes, and lands in their area. No
 * session exists until the authenticator is confirmed (MFA before first use).
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const navigate = useNavigate();
  const enrolment = useSignInEnrolment();
  const [token] = useState(takeTokenFromFragment);
  const [step, setStep] = useState<Step>('password');
  const [dead, setDead] = useState<Dead | null>(token ? null : 'missing');
  const [finishFailed, setFinishFailed] = useState(false);
  const finish = useRef<(() => Promise<Me>) | null>(null);
  useDocumentTitle(`${t(`invitation.steps.${step}`)} · ${t('invitation.title')}`, brand.name);

  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);

  /** The pre-auth cookie lasts minutes: past that, the password is saved and sign-in finishes setup. */
  const watchTimeout = async <T,>(request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      if (isPreAuthExpired(error)) setDead('timedOut');
      throw error;
    }
  };

  const done = async () => {
    try {
      const me = await (finish.current?.() ?? Promise.reject(new Error('no session')));
      await navigate(areaHome(me.user.role), { replace: true });
    } catch {
      setFinishFailed(true);
    }
  };

  if (dead) return <DeadLink reason={dead} />;

  return (
    <Wizard
      title={t('invitation.title')}
      intro={t('invitation.intro')}
      steps={STEPS}
      current={step}
      nameOf={(s) => t(`invitation.steps.${s}`)}
      label={t('invitation.stepsLabel')}
      heading={t(`invitation.headings.${step}`)}
      headingIntro={t(`invitation.intros.${step}`)}
    >
      {step === 'password' && token && (
        <NewPasswordForm
          // The server also refuses the person's name and e-mail address, which we don't know yet.
          context={[brand.name, brand.shortName]}
          submitLabel={t('invitation.submit')}
          serverField="password"
          send={async (password) => {
            await acceptInvitation(token, password);
            setStep('authenticator');
          }}
          onFailure={(error) => {
            const invalid = isApiError(error) && error.code === 'invitation_invalid';
            if (invalid) setDead('invalid');
            return invalid;
          }}
        />
      )}
      {step !== 'password' && (
        <TotpSetup
          scope="invitation"
          start={() => watchTimeout(enrolment.start)}
          confirm={async (code) => {
            const result = await watchTimeout(() => enrolment.confirm(code));
            finish.current = result.finish;
            setStep('codes');
            return result;
          }}
          onDone={() => void done()}
        />
      )}
      {finishFailed && (
        <Stack gap="sm" mt="md" role="alert">
          <Text>{t('invitation.finishFailed')}</Text>
          <Button component={Link} to="/signin" variant="default" style={{ alignSelf: 'flex-start' }}>
            {t('invitation.signIn')}
          </Button>
        </Stack>
      )}
    </Wizard>
  );
}

/** The link is missing, used, expired, or its few minutes of setup ran out. */
function DeadLink({ reason }: { reason: Dead }) {
  const { t } = useTranslation();
  const title = t(`invitation.${reason}Title`);
  const body = t(`invitation.${reason}Body`);
  const action = (
    <Stack gap={6} align="center" mt="xs">
      {reason !== 'timedOut' && (
        <Text size="sm" c="dimmed">
          {t('invitation.alreadySetUp')}
        </Text>
      )}
      <Button component={Link} to="/signin">
        {t('invitation.signIn')}
      </Button>
    </Stack>
  );
  // Reached from a step (not on arrival): the page's heading takes focus, and the alert is read.
  useEffect(() => {
    if (reason !== 'missing') document.querySelector<HTMLElement>('main h1')?.focus();
  }, [reason]);
  return (
    <div className={classes.layout}>
      <PageHeader title={t('invitation.title')} />
      {reason === 'missing' ? (
        <EmptyState icon={<IconMail size={24} />} title={title} description={body} action={action} />
      ) : (
        <ErrorState title={title} description={body} action={action} />
      )}
    </div>
  );
}
