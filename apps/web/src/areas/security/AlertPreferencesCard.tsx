import { Alert, Button, Checkbox, Text, VisuallyHidden } from '@mantine/core';
import type { AlertPreference } from '@marque/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contact, isApiError, useAlertPreferences, useInvalidateSecurity } from '../../api/index.ts';
import {
  Card,
  ErrorState,
  IconAlertCircle,
  IconCheckCircle,
  IconLock,
  LoadingState,
} from '../../ui/index.ts';
import classes from './preferences.module.css';

/**
 * Which security alerts we send, per kind, by e-mail and in the portal. Alerts about changes to how
 * the person signs in or is reached are always e-mailed: the box is ticked and locked, and the card
 * says why. Everything else can be turned off.
 */
export function AlertPreferencesCard() {
  const { t } = useTranslation();
  const saved = useAlertPreferences();
  const invalidate = useInvalidateSecurity();
  const [rows, setRows] = useState<AlertPreference[]>([]);
  const [status, setStatus] = useState<'saved' | 'error' | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (saved.data) setRows(saved.data.data);
  }, [saved.data]);

  const toggle = (kind: string, channel: 'email' | 'inbox', value: boolean) => {
    setStatus(null);
    setRows((all) => all.map((r) => (r.kind === kind ? { ...r, [channel]: value } : r)));
  };

  const save = async () => {
    setPending(true);
    setStatus(null);
    try {
      await contact.saveAlertPreferences({
        preferences: rows.map(({ kind, email, inbox }) => ({ kind, email, inbox })),
      });
      setStatus('saved');
      void invalidate();
    } catch (e) {
      setStatus(isApiError(e) && e.code === 'step_up_cancelled' ? null : 'error');
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="alerts-title">
      <Card.Section>
        <Card.Title id="alerts-title">{t('security.alerts.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('alertPrefs.intro')}
        </Text>
        <Text size="sm" mt="xs" style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
          <IconLock size={16} style={{ flex: 'none', marginTop: 2 }} />
          <span>{t('alertPrefs.requiredExplained')}</span>
        </Text>
      </Card.Section>
      <Card.Section>
        {saved.isPending ? (
          <LoadingState cards={1} />
        ) : saved.isError ? (
          <ErrorState headingOrder={3} error={saved.error} onRetry={() => void saved.refetch()} />
        ) : (
          <>
            <table className={classes.prefTable}>
              <VisuallyHidden component="caption">{t('security.alerts.title')}</VisuallyHidden>
              <thead>
                <tr>
                  <th scope="col">{t('alertPrefs.alert')}</th>
                  <th scope="col" className={classes.channel}>
                    {t('alertPrefs.email')}
                  </th>
                  <th scope="col" className={classes.channel}>
                    {t('alertPrefs.inbox')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const label = t(`alertPrefs.kinds.${row.kind}`);
                  return (
                    <tr key={row.kind}>
                      <th scope="row">
                        <Text size="sm" fw={500} component="span">
                          {label}
                        </Text>
                        {row.emailRequired && (
                          <Text size="xs" c="dimmed" component="span" display="block">
                            {t('alertPrefs.alwaysEmailed')}
                          </Text>
                        )}
                      </th>
                      {(['email', 'inbox'] as const).map((channel) => (
                        <td key={channel} className={classes.channel}>
                          <Checkbox
                            classNames={{ body: classes.center }}
                            aria-label={t('alertPrefs.channelLabel', {
                              alert: label,
                              channel: t(`alertPrefs.${channel}`),
                            })}
                            checked={row[channel]}
                            disabled={channel === 'email' && row.emailRequired}
                            onChange={(e) => toggle(row.kind, channel, e.currentTarget.checked)}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div role="status">
              {status === 'saved' && (
                <Alert mt="md" color="teal" icon={<IconCheckCircle />}>
                  {t('alertPrefs.saved')}
                </Alert>
              )}
              {status === 'error' && (
                <Alert mt="md" color="red" icon={<IconAlertCircle />}>
                  {t('states.errorBody')}
                </Alert>
              )}
            </div>
            <Button mt="md" variant="default" loading={pending} onClick={() => void save()}>
              {t('alertPrefs.save')}
            </Button>
          </>
        )}
      </Card.Section>
    </Card>
  );
}
