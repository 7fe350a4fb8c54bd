import { Alert, Anchor, Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import type { MfaMethod } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  isApiError,
  isPreAuthExpired,
  passkeysSupported,
  usePasskeySecondFactor,
  useSendEmailCode,
  useVerifyMfa,
} from '../../api/index.ts';
import {
  Card,
  CodeInput,
  IconAlertCircle,
  IconCheckCircle,
  IconFingerprint,
  IconKey,
  IconMail,
  IconSmartphone,
  useDocumentTitle,
} from '../../ui/index.ts';
import { safeNextPath } from '../shared/paths.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { PasskeyButton, type PasskeyErrorKey, passkeyErrorKey } from './PasskeyButton.tsx';
import classes from './SignInPage.module.css';

const ALL_METHODS: readonly MfaMethod[] = ['passkey', 'totp', 'recovery_code', 'email'];
/** Without the server's list (a reload of this page), offer the codes every account has. */
const CODE_METHODS: readonly MfaMethod[] = ['totp', 'recovery_code', 'email'];

type FormErrorKey = 'rate_limited' | 'network' | 'generic';

/**
 * Second step of sign-in (`/signin/verify`): the authenticator code, with a recovery code or an
 * e-mailed code as the ways out. The server keeps the first step behind a short-lived cookie.
 */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const offered = (location.state as { methods?: MfaMethod[] } | null)?.methods ?? CODE_METHODS;
  // A passkey is offered first when the account has one and this browser can use it.
  const [canUsePasskey] = useState(passkeysSupported);
  const methods = ALL_METHODS.filter((m) => offered.includes(m) && (m !== 'passkey' || canUsePasskey));
  const [method, setMethod] = useState<MfaMethod>(methods[0] ?? 'totp');
  const [code, setCode] = useState('');
  const [remember, setRemember] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<FormErrorKey | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const verify = useVerifyMfa();
  const sendEmail = useSendEmailCode();
  const passkey = usePasskeySecondFactor();
  const [passkeyError, setPasskeyError] = useState<PasskeyErrorKey | null>(null);
  useDocumentTitle(t('mfa.title'), brand.name);

  const expired = () =>
    void navigate(`/signin${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`, {
      replace: true,
      state: { mfaExpired: true },
    });

  const usePasskey = () => {
    if (passkey.isPending) return;
    setPasskeyError(null);
    passkey.mutate(undefined, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'mfa_challenge_expired') expired();
        else setPasskeyError(passkeyErrorKey(error));
      },
    });
  };

  const choose = (m: MfaMethod) => {
    setMethod(m);
    setCode('');
    setFieldError(null);
    setFormError(null);
    setPasskeyError(null);
    // Announce the new step: focus moves to its heading once it has rendered.
    requestAnimationFrame(() => headingRef.current?.focus());
    if (m === 'email') {
      sendEmail.mutate(undefined, {
        onError: (error) => {
          if (isPreAuthExpired(error)) expired();
          else setFormError(isApiError(error) && error.status === 429 ? 'rate_limited' : 'generic');
        },
      });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (verify.isPending || method === 'passkey') return;
    setFormError(null);
    const value = code.trim();
    if (!value) {
      setFieldError(t('mfa.fieldErrors.codeRequired'));
      inputRef.current?.focus();
      return;
    }
    if (method !== 'recovery_code' && value.length !== 6) {
      setFieldError(t('mfa.fieldErrors.codeLength'));
      inputRef.current?.focus();
      return;
    }
    verify.mutate(
      { method, code: value, rememberDevice: method === 'totp' ? remember : undefined },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (error) => {
          setCode('');
          if (isApiError(error) && error.isNetwork) setFormError('network');
          else if (isApiError(error) && (error.status === 429 || error.code === 'rate_limited'))
            setFormError('rate_limited');
          else if (isApiError(error) && /pre_?auth|expired|unauthenticated/.test(error.code)) expired();
          else if (isApiError(error) && error.status >= 400 && error.status < 500)
            setFieldError(t('mfa.fieldErrors.codeWrong'));
          else setFormError('generic');
          inputRef.current?.focus();
        },
      },
    );
  };

  const heading = {
    passkey: t('passkeys.mfaHeading'),
    totp: t('mfa.totpHeading'),
    email: t('mfa.emailHeading'),
    recovery_code: t('mfa.recoveryHeading'),
  }[method];
  const intro = {
    passkey: t('passkeys.mfaIntro'),
    totp: t('mfa.totpIntro'),
    email: t('mfa.emailIntro'),
    recovery_code: t('mfa.recoveryIntro'),
  }[method];
  const Icon = { passkey: IconFingerprint, totp: IconSmartphone, email: IconMail, recovery_code: IconKey }[
    method
  ];

  return (
    <div className={classes.layout}>
      <div className={classes.wrap}>
        <Card className={classes.card}>
          <div className={classes.lock}>
            <Icon size={22} />
          </div>
          <Title order={1} size="h2" className={classes.title} tabIndex={-1} ref={headingRef}>
            {heading}
          </Title>
          <Text c="dimmed" mt={6} mb="lg">
            {intro}
          </Text>

          {method === 'email' && sendEmail.isSuccess && (
            <Alert role="status" mb="lg" color="teal" icon={<IconCheckCircle />}>
              {t('mfa.emailSent', { minutes: Math.max(1, Math.round(sendEmail.data.expiresInSeconds / 60)) })}
            </Alert>
          )}
          {formError && (
            <Alert mb="lg" color="red" icon={<IconAlertCircle />} title={t('mfa.errorTitle')}>
              {t(`signin.errors.${formError}`)}
            </Alert>
          )}

          {method === 'passkey' ? (
            <PasskeyButton
              onClick={usePasskey}
              pending={passkey.isPending}
              error={passkeyError}
              label={t('passkeys.useMine')}
              fallback="otherWays"
            />
          ) : (
            <form onSubmit={onSubmit} noValidate method="post">
              <Stack gap="md">
                <CodeInput
                  ref={inputRef}
                  kind={method === 'recovery_code' ? 'recovery' : 'digits'}
                  label={
                    method === 'totp'
                      ? t('mfa.totpLabel')
                      : method === 'email'
                        ? t('mfa.emailLabel')
                        : t('mfa.recoveryLabel')
                  }
                  description={method === 'recovery_code' ? t('mfa.recoveryHelp') : t('mfa.digitsHelp')}
                  name="code"
                  value={code}
                  onChange={(v) => {
                    setCode(v);
                    if (fieldError) setFieldError(null);
                  }}
                  error={fieldError}
                  disabled={method === 'email' && sendEmail.isPending}
                />
                {method === 'totp' && (
                  <Checkbox
                    checked={remember}
                    onChange={(event) => setRemember(event.currentTarget.checked)}
                    label={t('mfa.remember')}
                    description={t('mfa.rememberHelp')}
                  />
                )}
                <Button type="submit" size="md" fullWidth mt="xs" loading={verify.isPending}>
                  {verify.isPending ? t('mfa.submitting') : t('mfa.submit')}
                </Button>
              </Stack>
            </form>
          )}

          <nav className={classes.methods} aria-label={t('mfa.otherWays')}>
            <Text size="sm" fw={650} mb="xs">
              {t('mfa.otherWays')}
            </Text>
            <Stack gap={6} align="flex-start">
              {method !== 'passkey' && methods.includes('passkey') && (
                <Anchor component="button" type="button" size="sm" onClick={() => choose('passkey')}>
                  {t('passkeys.usePasskey')}
                </Anchor>
              )}
              {method !== 'totp' && methods.includes('totp') && (
                <Anchor component="button" type="button" size="sm" onClick={() => choose('totp')}>
                  {t('mfa.useTotp')}
                </Anchor>
              )}
              {method !== 'recovery_code' && methods.includes('recovery_code') && (
                <Anchor component="button" type="button" size="sm" onClick={() => choose('recovery_code')}>
                  {t('mfa.useRecovery')}
                </Anchor>
              )}
              {method === 'email' && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => choose('email')}
                  disabled={sendEmail.isPending}
                >
                  {t('mfa.resendEmail')}
                </Anchor>
              )}
            </Stack>
            {method !== 'email' && methods.includes('email') && (
              <div className={classes.fallback}>
                <Text size="sm" c="dimmed">
                  {t('mfa.emailFallbackIntro')}
                </Text>
                <Anchor component="button" type="button" size="sm" onClick={() => choose('email')}>
                  {t('mfa.useEmail')}
                </Anchor>
              </div>
            )}
            <Anchor component={Link} to="/signin" size="sm" mt="sm" display="inline-block">
              {t('mfa.startOver')}
            </Anchor>
          </nav>
        </Card>
      </div>
    </div>
  );
}
