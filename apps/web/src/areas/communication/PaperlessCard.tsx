import { Alert, Button, Checkbox, Stack, Text } from '@mantine/core';
import type { Paperless } from '@marque/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communication, communicationKeys, isApiError } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, DateTimeText, IconAlertCircle, IconCheckCircle, ToneBadge } from '../../ui/index.ts';
import { EsignDisclosure } from '../register/legalText.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import classes from './communication.module.css';

/**
 * Paperless: on only with consent to the E-SIGN disclosure shown here (its version is sent and
 * recorded with the time and IP); off, which withdraws that consent, is always one click.
 */
export function PaperlessCard({ paperless }: { paperless: Paperless }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (k: string, o?: Record<string, unknown>) => string;
  const { language } = useFormat();
  const brand = useBrandInfo();
  const client = useQueryClient();
  const [accepted, setAccepted] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);
  const [status, setStatus] = useState<'on' | 'off' | 'error' | null>(null);
  const [pending, setPending] = useState(false);
  const consentRef = useRef<HTMLInputElement>(null);

  const submit = async (enabled: boolean) => {
    setStatus(null);
    if (enabled && !accepted) {
      setConsentError(t('communication.paperless.consentRequired'));
      consentRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      const next = await communication.savePaperless(
        enabled
          ? { enabled: true, consent: { version: paperless.disclosureVersion, accepted: true } }
          : { enabled: false },
      );
      client.setQueryData(communicationKeys.paperless, next);
      setAccepted(false);
      setStatus(enabled ? 'on' : 'off');
    } catch (e) {
      const field = isApiError(e) ? e.errors.find((f) => f.field.startsWith('consent')) : undefined;
      if (field) {
        setConsentError(t(`communication.errors.${field.code}`));
        consentRef.current?.focus();
      } else setStatus('error');
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="paperless-title">
      <Card.Section>
        <Card.Title id="paperless-title">{t('communication.paperless.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('communication.paperless.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        <Stack gap="md">
          <Text size="sm" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <ToneBadge tone={paperless.enabled ? 'good' : 'neutral'}>
              {t(paperless.enabled ? 'communication.paperless.on' : 'communication.paperless.off')}
            </ToneBadge>
            {paperless.enabled && paperless.consent ? (
              <span>
                {t('communication.paperless.since', { version: paperless.consent.version })}{' '}
                <DateTimeText value={paperless.consent.acceptedAt} span inherit />
              </span>
            ) : (
              <span>{t('communication.paperless.paperMail')}</span>
            )}
          </Text>
          {paperless.enabled ? (
            <>
              <Text size="sm">{t('communication.paperless.withdrawExplained')}</Text>
              <div>
                <Button variant="default" loading={pending} onClick={() => void submit(false)}>
                  {t('communication.paperless.withdraw')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <section
                className={classes.legal}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
                tabIndex={0}
                aria-label={t('communication.paperless.disclosureRegion', {
                  version: paperless.disclosureVersion,
                })}
              >
                <EsignDisclosure language={language} brand={brand.name} />
                <Text size="xs" c="dimmed">
                  {t('communication.paperless.version', { version: paperless.disclosureVersion })}
                </Text>
              </section>
              <Checkbox
                ref={consentRef}
                checked={accepted}
                onChange={(e) => {
                  setAccepted(e.currentTarget.checked);
                  setConsentError(null);
                }}
                label={t('communication.paperless.consentLabel', { version: paperless.disclosureVersion })}
                error={consentError}
                aria-invalid={consentError ? true : undefined}
              />
              <div>
                <Button loading={pending} onClick={() => void submit(true)}>
                  {t('communication.paperless.enable')}
                </Button>
              </div>
            </>
          )}
          <div role="status">
            {status === 'on' && (
              <Alert color="teal" icon={<IconCheckCircle />}>
                {t('communication.paperless.enabled')}
              </Alert>
            )}
            {status === 'off' && (
              <Alert color="teal" icon={<IconCheckCircle />}>
                {t('communication.paperless.withdrawn')}
              </Alert>
            )}
            {status === 'error' && (
              <Alert color="red" icon={<IconAlertCircle />}>
                {t('states.errorBody')}
              </Alert>
            )}
          </div>
        </Stack>
      </Card.Section>
    </Card>
  );
}
