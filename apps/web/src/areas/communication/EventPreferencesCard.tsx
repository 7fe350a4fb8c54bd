import { Alert, Button, Switch, Text, VisuallyHidden } from '@mantine/core';
import {
  type EventPreference,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationPreferences,
} from '@marque/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { communication, communicationKeys, isApiError } from '../../api/index.ts';
import { Card, IconAlertCircle, IconCheckCircle } from '../../ui/index.ts';
import classes from './communication.module.css';

/**
 * Events x channels with a switch each: a table on wide screens, one card per event on phones
 * (the same markup, restyled). Texts need a phone on file; the server says which field failed.
 */
export function EventPreferencesCard({ saved }: { saved: NotificationPreferences }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (k: string, o?: Record<string, unknown>) => string;
  const client = useQueryClient();
  const [rows, setRows] = useState<EventPreference[]>(saved.events);
  const [status, setStatus] = useState<'saved' | 'error' | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  useEffect(() => setRows(saved.events), [saved.events]);

  const toggle = (index: number, channel: NotificationChannel, value: boolean) => {
    setStatus(null);
    setFieldErrors({});
    setRows((all) => all.map((r, i) => (i === index ? { ...r, [channel]: value } : r)));
  };

  const save = async () => {
    setPending(true);
    setStatus(null);
    setFieldErrors({});
    try {
      const next = await communication.savePreferences({ events: rows });
      client.setQueryData(communicationKeys.preferences, next);
      setStatus('saved');
    } catch (e) {
      const errors = isApiError(e) ? e.errors : [];
      setFieldErrors(
        Object.fromEntries(errors.map((f) => [f.field, t(`communication.errors.${f.code}`) || f.message])),
      );
      setStatus('error');
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="events-title">
      <Card.Section>
        <Card.Title id="events-title">{t('communication.events.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('communication.events.intro')}
        </Text>
        <Text size="sm" mt="xs">
          {saved.smsPhone ? (
            t('communication.events.smsTo', { phone: saved.smsPhone })
          ) : (
            <>
              {t('communication.events.noPhone')}{' '}
              <Link to="/security">{t('communication.events.addPhone')}</Link>
            </>
          )}
        </Text>
      </Card.Section>
      <Card.Section>
        <table className={classes.grid}>
          <VisuallyHidden component="caption">{t('communication.events.title')}</VisuallyHidden>
          <thead>
            <tr>
              <th scope="col">{t('communication.events.event')}</th>
              {NOTIFICATION_CHANNELS.map((c) => (
                <th key={c} scope="col" className={classes.channel}>
                  {t(`communication.channels.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const name = t(`communication.eventNames.${row.event}`);
              return (
                <tr key={row.event} data-event={row.event}>
                  <th scope="row">
                    <Text size="sm" fw={600} component="span">
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {t(`communication.eventHints.${row.event}`)}
                    </Text>
                  </th>
                  {NOTIFICATION_CHANNELS.map((channel) => {
                    const error = fieldErrors[`events.${index}.${channel}`];
                    const label = t(`communication.channels.${channel}`);
                    return (
                      <td key={channel} className={classes.channel}>
                        <div className={classes.cell}>
                          <span className={classes.cellLabel} aria-hidden="true">
                            {label}
                          </span>
                          <Switch
                            checked={row[channel]}
                            disabled={channel === 'sms' && !saved.smsPhone && !row.sms}
                            onChange={(e) => toggle(index, channel, e.currentTarget.checked)}
                            aria-label={t('communication.events.switchLabel', {
                              event: name,
                              channel: label,
                            })}
                            error={error}
                          />
                        </div>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        <div role="status">
          {status === 'saved' && (
            <Alert mt="md" color="teal" icon={<IconCheckCircle />}>
              {t('communication.events.saved')}
            </Alert>
          )}
          {status === 'error' && (
            <Alert mt="md" color="red" icon={<IconAlertCircle />}>
              {Object.values(fieldErrors)[0] ?? t('states.errorBody')}
            </Alert>
          )}
        </div>
        <Button mt="md" loading={pending} onClick={() => void save()}>
          {t('communication.events.save')}
        </Button>
      </Card.Section>
    </Card>
  );
}
