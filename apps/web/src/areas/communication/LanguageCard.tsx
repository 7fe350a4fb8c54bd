import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import type { CustomerPreferences, Me } from '@marque/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communication, communicationKeys, isApiError, queryKeys } from '../../api/index.ts';
import { isLanguage, LANGUAGES, type Language, setLanguage } from '../../i18n/index.ts';
import { Card, IconAlertCircle, IconCheckCircle } from '../../ui/index.ts';

/**
 * "Language for letters and e-mails": statements, letters, notices and e-mails are written in
 * it (kept on the customer record). Saving also switches the portal, which adopts it at sign-in.
 */
export function LanguageCard({ saved }: { saved: CustomerPreferences }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<Language>(saved.language);
  const [status, setStatus] = useState<'saved' | 'error' | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // A switch in the header is saved too: show what the server now keeps.
  useEffect(() => setChoice(saved.language), [saved.language]);

  const save = async () => {
    setStatus(null);
    setFieldError(null);
    setPending(true);
    try {
      const next = await communication.saveLanguage(choice);
      client.setQueryData(communicationKeys.customer, next);
      client.setQueryData<Me>(queryKeys.me, (old) =>
        old?.customer ? { ...old, customer: { ...old.customer, preferredLanguage: next.language } } : old,
      );
      await setLanguage(next.language);
      setStatus('saved');
    } catch (e) {
      const field = isApiError(e) ? e.errors.find((f) => f.field === 'language') : undefined;
      if (field) setFieldError(t('preferredLanguage.unsupported'));
      else setStatus('error');
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="preferred-language-title">
      <Card.Section>
        <Card.Title id="preferred-language-title">{t('preferredLanguage.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('preferredLanguage.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        <Stack gap="md">
          <Radio.Group
            label={t('preferredLanguage.label')}
            value={choice}
            onChange={(value) => {
              if (isLanguage(value)) setChoice(value);
              setStatus(null);
            }}
            error={fieldError}
          >
            <Group gap="lg" mt="xs">
              {LANGUAGES.map((language) => (
                <Radio
                  key={language}
                  value={language}
                  label={<span lang={language}>{t(`language.${language}`)}</span>}
                />
              ))}
            </Group>
          </Radio.Group>
          <div>
            <Button loading={pending} onClick={() => void save()}>
              {t('preferredLanguage.save')}
            </Button>
          </div>
          <div role="status">
            {status === 'saved' && (
              <Alert color="teal" icon={<IconCheckCircle />}>
                {t('preferredLanguage.saved', { language: t(`language.${choice}`) })}
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
