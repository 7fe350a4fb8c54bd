import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { SecurityOverview } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isApiError,
  security,
  useInvalidateSecurity,
  useMe,
  useSecurityOverview,
  useSessions,
} from '../../api/index.ts';
import {
  Card,
  DateTimeText,
  ErrorState,
  IconAlertCircle,
  IconCheckCircle,
  IconDevice,
  IconEye,
  IconEyeOff,
  IconKey,
  IconMail,
  IconSmartphone,
  LoadingState,
  PageHeader,
  ToneBadge,
  useDocumentTitle,
} from '../../ui/index.ts';
import { CommunicationLinkCard } from '../communication/CommunicationLinkCard.tsx';
import { focusFirstError, serverFieldErrors } from '../shared/fieldErrors.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { AdminSessionsCard } from './AdminSessionsCard.tsx';
import { AlertPreferencesCard } from './AlertPreferencesCard.tsx';
import { ContactCard } from './ContactCard.tsx';
import { NewPasswordField, usePasswordRejection } from './NewPasswordField.tsx';
import { PasskeysCard } from './PasskeysCard.tsx';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { useStepUp } from './StepUp.tsx';
import classes from './security.module.css';
import { StatusAlert, useStatusRun } from './status.tsx';
import { TotpSetup } from './TotpSetup.tsx';
import { describeUserAgent } from './userAgent.ts';

type Session = NonNullable<ReturnType<typeof useSessions>['data']>['data'][number];
type Guard = ReturnType<typeof useStepUp>['guard'];

/**
 * The security centre (`/security`, `/ops/security`, `/dealer/security`): where you're signed in,
 * recent sign-ins, passkeys and other second-factor methods, password, and which alerts we send.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('security.title'), brand.name);
  const { guard, dialog } = useStepUp();
  const role = useMe().data?.user.role;
  const isAdmin = role === 'admin';
  const isCustomer = role === 'customer';
  return (
    <Stack gap="lg">
      <PageHeader title={t('security.title')} description={t('security.intro')} />
      <SessionsCard />
      <PasskeysCard guard={guard} />
      <MethodsCard guard={guard} />
      <PasswordCard guard={guard} />
      <HistoryCard />
      <ContactCard guard={guard} />
      <AlertPreferencesCard />
      {isCustomer && <CommunicationLinkCard />}
      {isAdmin && <AdminSessionsCard guard={guard} />}
      {dialog}
    </Stack>
  );
}

function useDevice() {
  const { t } = useTranslation();
  return (ua: string | null) => {
    const { browser, os } = describeUserAgent(ua);
    if (browser && os) return t('security.device.browserOn', { browser, os });
    return browser ?? os ?? t('security.device.unknown');
  };
}

function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const device = useDevice();
  const { status, busy, run } = useStatusRun(() => t('security.sessions.revokeFailed'));

  const list: Session[] = sessions.data?.data ?? [];
  const sorted = [...list].sort((a, b) => Number(b.current) - Number(a.current));
  const others = list.filter((s) => !s.current).length;

  return (
    <Card component="section" aria-labelledby="sessions-title">
      <Card.Section>
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Card.Title id="sessions-title">{t('security.sessions.title')}</Card.Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('security.sessions.intro')}
            </Text>
          </div>
          {others > 0 && (
            <Button
              variant="default"
              loading={busy === 'others'}
              onClick={() =>
                void run(
                  'others',
                  security.revokeOtherSessions,
                  t('security.sessions.revokedOthers', { count: others }),
                )
              }
            >
              {t('security.sessions.revokeOthers')}
            </Button>
          )}
        </Group>
        <StatusAlert status={status} />
      </Card.Section>
      <Card.Section>
        {sessions.isPending ? (
          <LoadingState cards={1} />
        ) : sessions.isError ? (
          <ErrorState
            headingOrder={3}
            title={t('security.sessions.error')}
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
            retrying={sessions.isFetching}
          />
        ) : (
          <ul className={classes.list}>
            {sorted.map((s) => (
              <li key={s.id}>
                <div className={classes.row} style={{ padding: '0.75rem 0' }}>
                  <div className={classes.rowMain}>
                    <span className={classes.rowIcon}>
                      <IconDevice size={20} />
                    </span>
                    <div>
                      <Group gap="xs">
                        <Text fw={650}>{device(s.userAgent)}</Text>
                        {s.current && (
                          <ToneBadge tone="good" icon={<IconCheckCircle size={14} />}>
                            {t('security.sessions.thisDevice')}
                          </ToneBadge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {t('security.sessions.lastActive')} <DateTimeText value={s.lastSeenAt} span inherit />
                        {s.ip ? ` · ${t('security.sessions.ip', { ip: s.ip })}` : ''}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t('security.sessions.signedIn')} <DateTimeText value={s.createdAt} span inherit />
                      </Text>
                    </div>
                  </div>
                  {!s.current && (
                    <Button
                      variant="default"
                      size="sm"
                      loading={busy === s.id}
                      aria-label={t('security.sessions.revokeOne', { device: device(s.userAgent) })}
                      onClick={() =>
                        void run(s.id, () => security.revokeSession(s.id), t('security.sessions.revoked'))
                      }
                    >
                      {t('security.sessions.revoke')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card.Section>
    </Card>
  );
}

function MethodsCard({ guard }: { guard: Guard }) {
  const { t } = useTranslation();
  const overview = useSecurityOverview();
  const invalidate = useInvalidateSecurity();
  const [dialog, setDialog] = useState<'totp' | { codes: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const regenerate = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await guard(security.regenerateRecoveryCodes);
      setDialog({ codes: result.recoveryCodes });
    } catch (e) {
      if (!(isApiError(e) && e.code === 'step_up_cancelled')) setError(t('states.errorBody'));
    } finally {
      setBusy(false);
      void invalidate();
    }
  };

  const method = (type: SecurityOverview['methods'][number]['type']) =>
    overview.data?.methods.find((m) => m.type === type);
  const totp = method('totp');
  const recovery = method('recovery_code');

  return (
    <Card component="section" aria-labelledby="methods-title">
      <Card.Section>
        <Card.Title id="methods-title">{t('security.methods.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('security.methods.intro')}
        </Text>
        {error && (
          <Alert mt="md" color="red" icon={<IconAlertCircle />}>
            {error}
          </Alert>
        )}
      </Card.Section>
      {overview.isPending ? (
        <Card.Section>
          <LoadingState cards={1} />
        </Card.Section>
      ) : overview.isError ? (
        <Card.Section>
          <ErrorState
            headingOrder={3}
            error={overview.error}
            onRetry={() => void overview.refetch()}
            retrying={overview.isFetching}
          />
        </Card.Section>
      ) : (
        <>
          <Card.Section>
            <div className={classes.row}>
              <div className={classes.rowMain}>
                <span className={classes.rowIcon}>
                  <IconSmartphone size={20} />
                </span>
                <div>
                  <Text fw={650} component="h3" m={0} size="md">
                    {t('security.methods.totp')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {totp?.enrolledAt ? (
                      <>
                        {t('security.methods.since')} <DateTimeText value={totp.enrolledAt} span inherit />
                      </>
                    ) : (
                      t('security.methods.notSetUp')
                    )}
                  </Text>
                </div>
              </div>
              <Button variant="default" onClick={() => setDialog('totp')}>
                {totp ? t('security.methods.reenrol') : t('security.methods.setUp')}
              </Button>
            </div>
          </Card.Section>
          <Card.Section>
            <div className={classes.row}>
              <div className={classes.rowMain}>
                <span className={classes.rowIcon}>
                  <IconKey size={20} />
                </span>
                <div>
                  <Text fw={650} component="h3" m={0} size="md">
                    {t('security.methods.recovery')}
                  </Text>
                  <Text
                    size="sm"
                    c={recovery?.remaining !== undefined && recovery.remaining <= 2 ? 'red.8' : 'dimmed'}
                  >
                    {recovery?.remaining !== undefined
                      ? t('security.methods.remaining', { count: recovery.remaining })
                      : t('security.methods.notSetUp')}
                  </Text>
                </div>
              </div>
              <Button variant="default" loading={busy} onClick={() => void regenerate()}>
                {t('security.methods.regenerate')}
              </Button>
            </div>
          </Card.Section>
          <Card.Section>
            <div className={classes.rowMain}>
              <span className={classes.rowIcon}>
                <IconMail size={20} />
              </span>
              <div>
                <Text fw={650} component="h3" m={0} size="md">
                  {t('security.methods.email')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('security.methods.emailBody')}
                </Text>
              </div>
            </div>
          </Card.Section>
        </>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'totp' ? t('security.methods.reenrolTitle') : t('security.methods.newCodesTitle')}
        size="lg"
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog === 'totp' && (
          <TotpSetup
            scope="reenrol"
            start={() => guard(security.startTotpReenrolment)}
            confirm={security.confirmTotpReenrolment}
            onDone={() => {
              setDialog(null);
              void invalidate();
            }}
            doneLabel={t('common.done')}
            headingOrder={3}
          />
        )}
        {dialog !== null && dialog !== 'totp' && (
          <RecoveryCodesPanel
            codes={dialog.codes}
            onDone={() => setDialog(null)}
            doneLabel={t('common.done')}
          />
        )}
      </Modal>
    </Card>
  );
}

function PasswordCard({ guard }: { guard: Guard }) {
  const { t } = useTranslation();
  const overview = useSecurityOverview();
  const invalidate = useInvalidateSecurity();
  const rejection = usePasswordRejection();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ currentPassword?: string; newPassword?: string }>({});
  const [done, setDone] = useState<{ otherSessions: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [signingOut, setSigningOut] = useState<'idle' | 'busy' | 'done'>('idle');
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    setDone(null);
    const found = {
      currentPassword: current ? undefined : t('security.password.currentRequired'),
      newPassword: !next
        ? t('password.required')
        : next.length < 8
          ? t('password.server.tooShort')
          : [...next].length > 128
            ? t('password.server.tooLong')
            : undefined,
    };
    setErrors(found);
    if (found.currentPassword || found.newPassword) {
      focusFirstError(found, ['currentPassword', 'newPassword'], refs);
      return;
    }
    setPending(true);
    try {
      const result = await guard(() =>
        security.changePassword({ currentPassword: current, newPassword: next }),
      );
      setDone({ otherSessions: result.otherSessions });
      setSigningOut('idle');
      setCurrent('');
      setNext('');
      void invalidate();
    } catch (e) {
      if (isApiError(e) && e.code === 'step_up_cancelled') return;
      const server = serverFieldErrors(e, ['currentPassword', 'newPassword'] as const);
      const mapped = {
        currentPassword: server.currentPassword ? t('security.password.currentWrong') : undefined,
        newPassword: rejection(server.newPassword),
      };
      if (!mapped.currentPassword && isApiError(e) && e.code === 'invalid_credentials') {
        mapped.currentPassword = t('security.password.currentWrong');
      }
      if (mapped.currentPassword || mapped.newPassword) {
        setErrors(mapped);
        focusFirstError(mapped, ['currentPassword', 'newPassword'], refs);
      } else {
        setFormError(
          isApiError(e) && e.status === 429 ? t('signin.errors.rate_limited') : t('states.errorBody'),
        );
      }
    } finally {
      setPending(false);
    }
  };

  const signOutOthers = async () => {
    setSigningOut('busy');
    try {
      await security.revokeOtherSessions();
      setSigningOut('done');
    } catch {
      setSigningOut('idle');
    }
    void invalidate();
  };

  return (
    <Card component="section" aria-labelledby="password-title">
      <Card.Section>
        <Card.Title id="password-title">{t('security.password.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {overview.data?.passwordChangedAt ? (
            <>
              {t('security.password.lastChanged')}{' '}
              <DateTimeText value={overview.data.passwordChangedAt} span inherit />
            </>
          ) : (
            t('security.password.intro')
          )}
        </Text>
      </Card.Section>
      <Card.Section>
        <div role="status">
          {done && (
            <Alert color="teal" icon={<IconCheckCircle />} title={t('security.password.changed')} mb="md">
              {done.otherSessions > 0 && signingOut !== 'done' && (
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('security.password.othersStill', { count: done.otherSessions })}</Text>
                  <Button
                    size="xs"
                    variant="default"
                    loading={signingOut === 'busy'}
                    onClick={() => void signOutOthers()}
                  >
                    {t('security.sessions.revokeOthers')}
                  </Button>
                </Stack>
              )}
              {signingOut === 'done' && t('security.password.othersSignedOut')}
            </Alert>
          )}
          {formError && (
            <Alert color="red" icon={<IconAlertCircle />} mb="md">
              {formError}
            </Alert>
          )}
        </div>
        <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
          <Stack gap="md" maw={440}>
            <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
            <PasswordInput
              ref={refs.currentPassword}
              label={t('security.password.current')}
              autoComplete="current-password"
              required
              withAsterisk={false}
              size="md"
              value={current}
              onChange={(e) => {
                setCurrent(e.currentTarget.value);
                if (errors.currentPassword) setErrors((x) => ({ ...x, currentPassword: undefined }));
              }}
              error={errors.currentPassword}
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': t('signin.showPassword') }}
              visibilityToggleIcon={({ reveal }) =>
                reveal ? <IconEyeOff size={20} /> : <IconEye size={20} />
              }
            />
            <NewPasswordField
              ref={refs.newPassword}
              value={next}
              onChange={(v) => {
                setNext(v);
                if (errors.newPassword) setErrors((x) => ({ ...x, newPassword: undefined }));
              }}
              error={errors.newPassword}
            />
            <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
              {t('security.password.submit')}
            </Button>
          </Stack>
        </form>
      </Card.Section>
    </Card>
  );
}

function HistoryCard() {
  const { t } = useTranslation();
  const overview = useSecurityOverview();
  const device = useDevice();
  const history = overview.data?.loginHistory ?? [];
  return (
    <Card component="section" aria-labelledby="history-title">
      <Card.Section>
        <Card.Title id="history-title">{t('security.history.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('security.history.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        {overview.isPending ? (
          <LoadingState cards={1} />
        ) : overview.isError ? (
          <ErrorState headingOrder={3} error={overview.error} onRetry={() => void overview.refetch()} />
        ) : history.length === 0 ? (
          <Text c="dimmed">{t('security.history.empty')}</Text>
        ) : (
          <ul className={classes.list}>
            {history.map((entry) => (
              <li key={`${entry.at}-${entry.ip ?? ''}`} style={{ padding: '0.6rem 0' }}>
                <Text fw={600}>
                  <DateTimeText value={entry.at} span inherit />
                </Text>
                <Text size="sm" c="dimmed">
                  {[
                    device(entry.userAgent),
                    entry.ip ? t('security.sessions.ip', { ip: entry.ip }) : null,
                    entry.method ? methodLabel(t, entry.method) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Card.Section>
    </Card>
  );
}

const METHOD_LABELS = {
  totp: 'security.history.viaTotp',
  recovery_code: 'security.history.viaRecovery',
  email: 'security.history.viaEmail',
  passkey: 'security.history.viaPasskey',
  remembered_device: 'security.history.viaRemembered',
  trusted_device: 'security.history.viaRemembered',
} as const;

/** How a sign-in proved the second factor, in words (an unknown method shows as sent). */
function methodLabel(t: ReturnType<typeof useTranslation>['t'], method: string): string {
  const key = METHOD_LABELS[method as keyof typeof METHOD_LABELS];
  // A plain signature: the union of these keys makes i18next's types recurse too deep.
  return key ? (t as unknown as (k: string) => string)(key) : method;
}
