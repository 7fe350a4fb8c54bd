import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contact, isApiError, useContact, useInvalidateContact } from '../../api/index.ts';
import {
  Card,
  CodeInput,
  ErrorState,
  IconCheckCircle,
  IconMail,
  IconPhone,
  LoadingState,
} from '../../ui/index.ts';
import { EmailField } from '../shared/EmailField.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import { useRequestErrorText } from '../shared/requestErrorText.ts';
import type { useStepUp } from './StepUp.tsx';
import classes from './security.module.css';

type Guard = ReturnType<typeof useStepUp>['guard'];
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Contact details in the security centre: the sign-in e-mail (changed only once a code sent to the
 * new address comes back) and, for customers, the phone number. Both need a fresh second factor.
 */
export function ContactCard({ guard }: { guard: Guard }) {
  const { t } = useTranslation();
  const details = useContact();
  return (
    <Card component="section" aria-labelledby="contact-title">
      <Card.Section>
        <Card.Title id="contact-title">{t('contact.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('contact.intro')}
        </Text>
      </Card.Section>
      {details.isPending ? (
        <Card.Section>
          <LoadingState cards={1} />
        </Card.Section>
      ) : details.isError ? (
        <Card.Section>
          <ErrorState headingOrder={3} error={details.error} onRetry={() => void details.refetch()} />
        </Card.Section>
      ) : (
        <>
          <Card.Section>
            <EmailChange guard={guard} current={details.data.email} />
          </Card.Section>
          {details.data.phoneEditable && (
            <Card.Section>
              <PhoneChange guard={guard} current={details.data.phone} />
            </Card.Section>
          )}
        </>
      )}
    </Card>
  );
}

/** One contact detail: its icon, its name as a heading, and the current value. */
function ContactRow({ icon, title, value }: { icon: ReactNode; title: string; value: string }) {
  return (
    // flex: none: in a column, rowMain's flex basis would become a height.
    <div className={classes.rowMain} style={{ flex: 'none' }}>
      <span className={classes.rowIcon}>{icon}</span>
      <div>
        <Text fw={650} component="h3" m={0} size="md">
          {title}
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
      </div>
    </div>
  );
}

function EmailChange({ guard, current }: { guard: Guard; current: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateContact();
  const requestError = useRequestErrorText();
  const [newEmail, setNewEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ newEmail?: string; code?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setDone(null);
    const trimmed = newEmail.trim().toLowerCase();
    const invalid = !trimmed
      ? t('signin.fieldErrors.emailRequired')
      : !EMAIL_SHAPE.test(trimmed) || trimmed.length > 254
        ? t('signin.fieldErrors.emailInvalid')
        : trimmed === current
          ? t('contact.email.same')
          : undefined;
    setErrors({ newEmail: invalid });
    if (invalid) return emailRef.current?.focus();
    setPending(true);
    try {
      await guard(() => contact.startEmailChange(trimmed));
      setSentTo(trimmed);
      setCode('');
      requestAnimationFrame(() => codeRef.current?.focus());
    } catch (e) {
      if (isApiError(e) && e.code === 'step_up_cancelled') return;
      const field = serverFieldErrors(e, ['newEmail'] as const).newEmail;
      setErrors({
        newEmail:
          isApiError(e) && e.code === 'email_unavailable'
            ? t('contact.email.unavailable')
            : field?.code === 'same_email'
              ? t('contact.email.same')
              : field
                ? t('signin.fieldErrors.emailInvalid')
                : requestError(e),
      });
      emailRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (code.length !== 6) {
      setErrors({ code: code ? t('mfa.fieldErrors.codeLength') : t('mfa.fieldErrors.codeRequired') });
      return codeRef.current?.focus();
    }
    setPending(true);
    try {
      const changed = await contact.verifyEmailChange(code);
      setDone(changed.email);
      setSentTo(null);
      setNewEmail('');
      await invalidate();
    } catch (e) {
      setCode('');
      setErrors({
        code: isApiError(e) && e.status === 400 ? t('contact.email.wrongCode') : requestError(e),
      });
      codeRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="sm">
      <ContactRow icon={<IconMail size={20} />} title={t('contact.email.title')} value={current} />
      <div role="status">
        {done && (
          <Alert color="teal" icon={<IconCheckCircle />}>
            {t('contact.email.changed', { email: done })}
          </Alert>
        )}
      </div>
      {sentTo === null ? (
        <form onSubmit={(e) => void send(e)} noValidate method="post">
          <Stack gap="sm" maw={440}>
            <EmailField
              ref={emailRef}
              label={t('contact.email.newLabel')}
              description={t('contact.email.newHelp')}
              value={newEmail}
              onChange={(v) => {
                setNewEmail(v);
                if (errors.newEmail) setErrors({});
              }}
              error={errors.newEmail}
            />
            <Button type="submit" variant="default" loading={pending} style={{ alignSelf: 'flex-start' }}>
              {t('contact.email.send')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={(e) => void confirm(e)} noValidate method="post">
          <Stack gap="sm" maw={440}>
            <Text size="sm">{t('contact.email.sent', { email: sentTo })}</Text>
            <CodeInput
              ref={codeRef}
              label={t('contact.email.codeLabel')}
              value={code}
              onChange={(v) => {
                setCode(v);
                if (errors.code) setErrors({});
              }}
              error={errors.code}
              maw={260}
            />
            <Group gap="sm">
              <Button type="submit" loading={pending}>
                {t('contact.email.confirm')}
              </Button>
              <Button variant="subtle" onClick={() => setSentTo(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function PhoneChange({ guard, current }: { guard: Guard; current: string | null }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateContact();
  const requestError = useRequestErrorText();
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setDone(false);
    const normalised = phone.trim().replace(/[\s().-]/g, '');
    const invalid = !normalised
      ? t('contact.phone.required')
      : !E164.test(normalised)
        ? t('contact.phone.invalid')
        : undefined;
    setError(invalid);
    if (invalid) return inputRef.current?.focus();
    setPending(true);
    try {
      await guard(() => contact.changePhone(normalised));
      setDone(true);
      setPhone('');
      await invalidate();
    } catch (e) {
      if (isApiError(e) && e.code === 'step_up_cancelled') return;
      setError(serverFieldErrors(e, ['phone'] as const).phone ? t('contact.phone.invalid') : requestError(e));
      inputRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="sm">
      <ContactRow
        icon={<IconPhone size={20} />}
        title={t('contact.phone.title')}
        value={current ?? t('contact.phone.none')}
      />
      <div role="status">
        {done && (
          <Alert color="teal" icon={<IconCheckCircle />}>
            {t('contact.phone.changed')}
          </Alert>
        )}
      </div>
      <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
        <Stack gap="sm" maw={440}>
          <TextInput
            ref={inputRef}
            label={t('contact.phone.newLabel')}
            description={t('contact.phone.help')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            withAsterisk={false}
            size="md"
            value={phone}
            onChange={(e) => {
              setPhone(e.currentTarget.value);
              if (error) setError(undefined);
            }}
            error={error}
          />
          <Button type="submit" variant="default" loading={pending} style={{ alignSelf: 'flex-start' }}>
            {t('contact.phone.save')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
