import { Button, Group, Modal, Text } from '@mantine/core';
import type { UserSummary } from '@marque/contracts';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminSecurity, isApiError, useInvalidateUsers, userAdmin } from '../../api/index.ts';
import { useStepUp } from '../security/StepUp.tsx';
import type { UserAction } from './userActions.ts';

/** Written at render time, so it follows a change of language while it is shown. */
export type Notice = { tone: 'ok' | 'error'; message: (t: TFunction) => string } | null;

const KNOWN_ERRORS = [
  'cannot_disable_self',
  'cannot_reset_self',
  'customer_self_recovery',
  'user_disabled',
] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];
const isKnown = (code: string): code is KnownError => (KNOWN_ERRORS as readonly string[]).includes(code);

type Message = (t: TFunction) => string;

/** Why an action failed, in words an admin can act on. */
function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('ops.users.errors.generic');
  if (isKnown(error.code)) return t(`ops.users.errors.${error.code}`);
  if (error.status === 404) return t('ops.users.errors.not_found');
  if (error.status === 429) return t('signin.errors.rate_limited');
  if (error.isNetwork) return t('signin.errors.network');
  return t('ops.users.errors.generic');
}

/** Destructive actions get a red confirm button. */
const DANGER: ReadonlySet<UserAction> = new Set(['disable', 'resetAccess', 'endSessions']);

/**
 * The admin's actions on one user: a confirmation that says what will happen (disabling ends
 * their sessions at once), then the request; resetting access may first ask for a fresh second
 * factor (the server answers 403 `step_up_required`). The outcome comes back as a notice.
 */
export function useUserActions(onNotice: (notice: Notice) => void): {
  ask: (action: UserAction, user: UserSummary) => void;
  workingOn: string | null;
  dialogs: ReactNode;
} {
  const { t } = useTranslation();
  const { guard, dialog: stepUpDialog } = useStepUp();
  const invalidate = useInvalidateUsers();
  // Kept after the dialog closes, so its text doesn't change during the closing transition.
  const [asking, setAsking] = useState<{ action: UserAction; user: UserSummary } | null>(null);
  const [open, setOpen] = useState(false);
  const [workingOn, setWorkingOn] = useState<string | null>(null);

  const perform = async (action: UserAction, user: UserSummary): Promise<Message> => {
    const vars = { name: user.displayName, email: user.email };
    switch (action) {
      case 'disable':
        await userAdmin.disable(user.id);
        return (t) => t('ops.users.done.disable', vars);
      case 'enable':
        await userAdmin.enable(user.id);
        return (t) => t('ops.users.done.enable', vars);
      case 'endSessions': {
        const { revoked } = await userAdmin.endSessions(user.id);
        return (t) => t('ops.users.done.endSessions', { ...vars, count: revoked });
      }
      case 'resetAccess':
      case 'resendInvite':
        await guard(() => adminSecurity.resetUserAccess(user.id));
        return (t) => t(`ops.users.done.${action}`, vars);
    }
  };

  const run = async () => {
    if (!asking || !open) return;
    const { action, user } = asking;
    // The confirmation closes first, so a step-up dialog is never stacked on top of it.
    setOpen(false);
    setWorkingOn(user.id);
    onNotice(null);
    try {
      onNotice({ tone: 'ok', message: await perform(action, user) });
      void invalidate();
    } catch (e) {
      if (isApiError(e) && e.code === 'step_up_cancelled') return;
      if (isApiError(e) && e.status === 404) void invalidate();
      onNotice({ tone: 'error', message: (t) => errorText(t, e) });
    } finally {
      setWorkingOn(null);
    }
  };

  const name = asking?.user.displayName ?? '';
  const action = asking?.action ?? 'disable';
  const dialogs = (
    <>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t(`ops.users.confirm.${action}Title`, { name })}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm">{t(`ops.users.confirm.${action}Body`, { name })}</Text>
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={DANGER.has(action) ? 'red.9' : undefined} onClick={() => void run()}>
            {t(`ops.users.confirm.${action}`)}
          </Button>
        </Group>
      </Modal>
      {stepUpDialog}
    </>
  );

  const ask = (a: UserAction, user: UserSummary) => {
    setAsking({ action: a, user });
    setOpen(true);
  };
  return { ask, workingOn, dialogs };
}
