import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  isApiError,
  type LogoutOutcome,
  passkeysSupported,
  useLogin,
  usePasskeySignIn,
} from '../../api/index.ts';
import {
  Card,
  IconAlertCircle,
  IconCheckCircle,
  IconEye,
  IconEyeOff,
  IconLock,
  PhoneLink,
  useDocumentTitle,
} from '../../ui/index.ts';
import { safeNextPath } from '../shared/paths.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { PasskeyButton, type PasskeyErrorKey, passkeyErrorKey } from './PasskeyButton.tsx';
import classes from './SignInPage.module.css';

type Field = 'email' | 'password';
type FieldErrorKey =
  | 'emailRequired'
  | 'emailInvalid'
  | 'emailTooLong'
  | 'passwordRequired'
  | 'passwordTooLong';
/** A translated message key, or the server's own text when we have no translation for its code. */
type FieldMessage = { key: FieldErrorKey } | { text: string };
type FormErrorKey =
  | 'invalid_credentials'
  | 'rate_limited'
  | 'session_not_established'
  | 'network'
  | 'generic';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(email: string, password: string): Partial<Record<Field, FieldMessage>> {
  const errors: Partial<Record<Field, FieldMessage>> = {};
  if (!email) errors.email = { key: 'emailRequired' };
  else if (email.length > 254) errors.email = { key: 'emailTooLong' };
  else if (!EMAIL_SHAPE.test(email)) errors.email = { key: 'emailInvalid' };
  if (!password) errors.password = { key: 'passwordRequired' };
  else if (password.length > 128) errors.password = { key: 'passwordTooLong' };
  return errors;
}

/** Server field errors (problem+json `errors[]`) mapped to our own translated messages where we can. */
function fromServer(field: Field, code: string, message: string): FieldMessage {
  const tooSmall = code === 'too_small' || code === 'required';
  const tooBig = code === 'too_big';
  if (field === 'email') {
    if (tooSmall) return { key: 'emailRequired' };
    if (tooBig) return { key: 'emailTooLong' };
    if (code === 'invalid_format' || code === 'invalid_string' || code === 'invalid_email') {
      return { key: 'emailInvalid' };
    }
  } else {
    if (tooSmall) return { key: 'passwordRequired' };
    if (tooBig) return { key: 'passwordTooLong' };
  }
  return { text: message };
}

function formErrorKey(error: unknown): FormErrorKey {
  if (!isApiError(error)) return 'generic';
  if (error.code === 'network_error') return 'network';
  if (error.code === 'invalid_credentials' || error.code === 'session_not_established') return error.code;
  if (error.status === 429 || error.code === 'rate_limited') return 'rate_limited';
  if (error.status === 401) return 'invalid_credentials';
  return 'generic';
}

export function SignInPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const login = useLogin();
  const passkey = usePasskeySignIn();
  const [canUsePasskey] = useState(passkeysSupported);
  const [passkeyError, setPasskeyError] = useState<PasskeyErrorKey | null>(null);
  useDocumentTitle(t('signin.title'), brand.name);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, FieldMessage>>>({});
  const [formError, setFormError] = useState<FormErrorKey | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const state = location.state as { signedOut?: LogoutOutcome; mfaExpired?: boolean } | null;
  const signedOut = state?.signedOut;
  const mfaExpired = state?.mfaExpired === true;
  const next = safeNextPath(params.get('next'));

  const focusFirst = (errors: Partial<Record<Field, FieldMessage>>) => {
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  };

  /** Passkey first: no e-mail or password; the passkey is both factors. */
  const signInWithPasskey = () => {
    if (passkey.isPending || login.isPending) return;
    setPasskeyError(null);
    setFormError(null);
    passkey.mutate(undefined, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => setPasskeyError(passkeyErrorKey(error)),
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending || passkey.isPending) return;
    setPasskeyError(null);
    const trimmed = email.trim();
    const errors = validate(trimmed, password);
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      focusFirst(errors);
      return;
    }
    login.mutate(
      { email: trimmed, password },
      {
        onSuccess: (answer) => {
          const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
          if (answer.status === 'authenticated') {
            void navigate(next, { replace: true });
          } else if (answer.status === 'mfa_required') {
            void navigate(`/signin/verify${search}`, { state: { methods: answer.methods } });
          } else {
            void navigate(`/signin/setup${search}`);
          }
        },
        onError: (error) => {
          const serverFields: Partial<Record<Field, FieldMessage>> = {};
          if (isApiError(error)) {
            for (const item of error.errors) {
              const field = item.field.split(/[./]/).at(-1);
              if ((field === 'email' || field === 'password') && !serverFields[field]) {
                serverFields[field] = fromServer(field, item.code, item.message);
              }
            }
          }
          if (serverFields.email || serverFields.password) {
            setFieldErrors(serverFields);
            focusFirst(serverFields);
          } else {
            setFormError(formErrorKey(error));
            setPassword('');
          }
        },
      },
    );
  };

  const message = (m: FieldMessage | undefined) =>
    m === undefined ? undefined : 'key' in m ? t(`signin.fieldErrors.${m.key}`) : m.text;

  return (
    <div className={classes.layout}>
      <div className={classes.wrap}>
        <Card className={classes.card}>
          <div className={classes.lock}>
            <IconLock size={22} />
          </div>
          <Title order={1} size="h2" className={classes.title} tabIndex={-1}>
            {t('signin.heading')}
          </Title>
          <Text c="dimmed" mt={6} mb="lg">
            {t('signin.intro')}
          </Text>

          {signedOut && !formError && !passkeyError && (
            <Alert
              role="status"
              mb="lg"
              color={signedOut === 'signed_out' ? 'teal' : 'yellow'}
              icon={signedOut === 'signed_out' ? <IconCheckCircle /> : <IconAlertCircle />}
              title={
                signedOut === 'signed_out' ? t('signin.signedOutTitle') : t('signin.logoutUncertainTitle')
              }
            >
              {signedOut === 'signed_out' ? t('signin.signedOutBody') : t('signin.logoutUncertainBody')}
            </Alert>
          )}

          {mfaExpired && !formError && !passkeyError && (
            <Alert
              role="status"
              mb="lg"
              color="yellow"
              icon={<IconAlertCircle />}
              title={t('mfa.expiredTitle')}
            >
              {t('mfa.expiredBody')}
            </Alert>
          )}

          {formError && (
            <Alert mb="lg" color="red" icon={<IconAlertCircle />} title={t('signin.errorTitle')}>
              {t(`signin.errors.${formError}`)}
            </Alert>
          )}

          {canUsePasskey && (
            <>
              <PasskeyButton
                onClick={signInWithPasskey}
                pending={passkey.isPending}
                error={passkeyError}
                label={t('passkeys.signIn')}
                fallback="password"
                variant="default"
              />
              <Divider my="lg" label={t('passkeys.orPasswordDivider')} labelPosition="center" />
            </>
          )}

          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <TextInput
                ref={emailRef}
                label={t('signin.email')}
                name="email"
                type="email"
                inputMode="email"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                required
                withAsterisk={false}
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  if (fieldErrors.email) setFieldErrors((e) => ({ ...e, email: undefined }));
                }}
                error={message(fieldErrors.email)}
              />
              <PasswordInput
                ref={passwordRef}
                label={t('signin.password')}
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  if (fieldErrors.password) setFieldErrors((e) => ({ ...e, password: undefined }));
                }}
                error={message(fieldErrors.password)}
                visibilityToggleFocusable
                visibilityToggleButtonProps={{ 'aria-label': t('signin.showPassword') }}
                visibilityToggleIcon={({ reveal }) =>
                  reveal ? <IconEyeOff size={20} /> : <IconEye size={20} />
                }
              />
              <Anchor component={Link} to="/recover" size="sm" style={{ alignSelf: 'flex-end' }}>
                {t('signin.forgot')}
              </Anchor>
              <Button type="submit" size="md" fullWidth mt="xs" loading={login.isPending}>
                {login.isPending ? t('signin.submitting') : t('signin.submit')}
              </Button>
            </Stack>
          </form>
        </Card>

        <Card className={classes.registerCard}>
          <Text fw={650}>{t('signin.registerTitle')}</Text>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            {t('signin.registerBody')}
          </Text>
          <Button component={Link} to="/register" variant="default" fullWidth>
            {t('signin.registerLink')}
          </Button>
        </Card>

        <Card className={classes.registerCard}>
          <Text fw={650}>{t('calculators.signInCardTitle')}</Text>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            {t('calculators.signInCardBody')}
          </Text>
          <Button component={Link} to="/calculators" variant="default" fullWidth>
            {t('calculators.signInCardLink')}
          </Button>
        </Card>

        {brand.supportPhone && (
          <Text size="sm" c="dimmed" className={classes.help}>
            <Trans
              i18nKey="signin.help"
              values={{ phone: brand.supportPhone, hours: brand.supportHours }}
              components={{ phone: <PhoneLink phone={brand.supportPhone} /> }}
            />
          </Text>
        )}
      </div>
      <div className={classes.panel}>
        <div className={classes.decor} />
        <p className={classes.panelTitle}>{t('signin.panelTitle')}</p>
        <ul className={classes.points}>
          {(['panelPoint1', 'panelPoint2', 'panelPoint3'] as const).map((key) => (
            <li key={key} className={classes.point}>
              <IconCheckCircle size={20} className={classes.pointIcon} />
              <span>{t(`signin.${key}`)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
