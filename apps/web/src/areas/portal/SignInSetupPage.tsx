import { Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSignInEnrolment } from '../../api/index.ts';
import { Card, IconShield, useDocumentTitle } from '../../ui/index.ts';
import { TotpSetup } from '../security/TotpSetup.tsx';
import { safeNextPath } from '../shared/paths.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import classes from './SignInPage.module.css';

/** `/signin/setup`: an account that must have an authenticator but has none enrols right after the password. */
export function SignInSetupPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const enrolment = useSignInEnrolment();
  useDocumentTitle(t('mfa.setupTitle'), brand.name);
  const finish = useRef<(() => Promise<unknown>) | null>(null);

  return (
    <div className={classes.layout}>
      <div className={classes.wrap}>
        <Card className={classes.card}>
          <div className={classes.lock}>
            <IconShield size={22} />
          </div>
          <Title order={1} size="h2" className={classes.title} tabIndex={-1}>
            {t('mfa.setupHeading')}
          </Title>
          <Text c="dimmed" mt={6} mb="lg">
            {t('mfa.setupIntro')}
          </Text>
          <TotpSetup
            scope="signin"
            start={enrolment.start}
            confirm={async (code) => {
              const done = await enrolment.confirm(code);
              finish.current = done.finish;
              return done;
            }}
            onDone={() => {
              void (finish.current?.() ?? Promise.resolve()).finally(() => navigate(next, { replace: true }));
            }}
          />
        </Card>
      </div>
    </div>
  );
}
