import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import { IconAlertCircle, IconFingerprint } from '../../ui/index.ts';

export type PasskeyErrorKey =
  | 'cancelled'
  | 'not_accepted'
  | 'unavailable'
  | 'rate_limited'
  | 'network'
  | 'generic';

/** What went wrong with a passkey sign-in, in words a person can act on. */
export function passkeyErrorKey(error: unknown): PasskeyErrorKey {
  if (!isApiError(error)) return 'generic';
  if (error.code === 'passkey_cancelled') return 'cancelled';
  if (error.code === 'passkey_unavailable') return 'unavailable';
  if (error.code === 'network_error') return 'network';
  if (error.status === 429) return 'rate_limited';
  if (error.code === 'passkey_not_accepted' || error.code === 'no_passkey') return 'not_accepted';
  return 'generic';
}

/**
 * The passkey button with its loading state and its error next to it. A closed or timed-out
 * browser prompt is an ordinary outcome: a friendly line, and the button stays ready.
 */
export function PasskeyButton(props: {
  onClick: () => void;
  pending: boolean;
  error: PasskeyErrorKey | null;
  label: string;
  /** How the message ends: "try again or sign in with your password" / "or choose another way". */
  fallback: 'password' | 'otherWays';
  variant?: 'filled' | 'default';
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.error && (
        <Alert mb="md" color={props.error === 'cancelled' ? 'yellow' : 'red'} icon={<IconAlertCircle />}>
          {t(`passkeys.errors.${props.error}`)}{' '}
          {props.fallback === 'password' ? t('passkeys.orPassword') : t('passkeys.orOtherWays')}
        </Alert>
      )}
      <Button
        type="button"
        size="md"
        fullWidth
        variant={props.variant ?? 'filled'}
        leftSection={<IconFingerprint size={20} />}
        loading={props.pending}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
      <Text role="status" size="sm" c="dimmed" ta="center" mt={props.pending ? 'xs' : 0}>
        {props.pending ? t('passkeys.waiting') : ''}
      </Text>
    </>
  );
}
