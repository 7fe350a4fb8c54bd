import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { CardFormMessage, type PaymentMethod } from '@marque/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, useCardForm } from '../../api/index.ts';
import { ErrorState, IconAlertCircle, IconLock } from '../../ui/index.ts';
import type { useStepUp } from '../security/StepUp.tsx';
import { addErrorMessage } from './methodText.ts';
import classes from './paymentMethods.module.css';

export interface AddCardFormProps {
  guard: ReturnType<typeof useStepUp>['guard'];
  onAdded: (method: PaymentMethod) => void;
  onCancel: () => void;
}

/**
 * Debit card: the card is typed into the card processor's own form, in an iframe. That form
 * answers with a token by postMessage; only a message from that iframe's window and origin is
 * believed. The token (never the card number) is then sent to our API.
 */
export function AddCardForm({ guard, onAdded, onCancel }: AddCardFormProps) {
  const { t, i18n } = useTranslation();
  const form = useCardForm(true);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(420);
  const [attempt, setAttempt] = useState(0);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The language is part of the address: switching it reloads the form in the new language.
  const language = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  const source = useMemo(() => {
    if (!form.data) return null;
    const url = new URL(form.data.url, window.location.href);
    url.searchParams.set('lang', language);
    return url;
  }, [form.data, language]);

  useEffect(() => {
    if (!source) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== source.origin || event.source !== frame.current?.contentWindow) return;
      const message = CardFormMessage.safeParse(event.data);
      if (!message.success) return;
      if (message.data.type === 'marque.card-form.resize') {
        setHeight(Math.min(Math.max(Math.round(message.data.height), 200), 1200));
        return;
      }
      const { token } = message.data;
      setError(null);
      setAdding(true);
      guard(() => paymentMethods.addCard(token))
        .then(onAdded)
        .catch((e: unknown) => {
          setError(addErrorMessage(t, e));
          // A fresh form for another try: the processor's form keeps nothing once it has answered.
          setAttempt((n) => n + 1);
        })
        .finally(() => setAdding(false));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [source, guard, onAdded, t]);

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text component="span" c="dimmed" mt={2}>
          <IconLock size={16} />
        </Text>
        <Text size="sm" c="dimmed">
          {t('paymentMethods.card.intro')}
        </Text>
      </Group>
      <div role="alert">
        {error && (
          <Alert color="red" icon={<IconAlertCircle />}>
            {error}
          </Alert>
        )}
      </div>
      {form.isError ? (
        <ErrorState
          headingOrder={3}
          title={t('paymentMethods.card.formError')}
          error={form.error}
          onRetry={() => void form.refetch()}
          retrying={form.isFetching}
        />
      ) : source ? (
        <iframe
          key={`${source.href}#${attempt}`}
          ref={frame}
          src={source.href}
          title={t('paymentMethods.card.frameTitle')}
          className={classes.cardFrame}
          style={{ height }}
          hidden={adding}
        />
      ) : (
        <Loader size="sm" aria-label={t('app.loading')} />
      )}
      {adding && (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('paymentMethods.card.adding')}</Text>
        </Group>
      )}
      <Group justify="flex-end">
        <Button variant="default" size="md" onClick={onCancel} disabled={adding}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
