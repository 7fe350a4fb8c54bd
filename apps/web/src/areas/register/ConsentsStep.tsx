import { Alert, Button, Checkbox, Stack } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, registration } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { IconAlertCircle } from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { EsignDisclosure, PrivacyNotice } from './legalText.tsx';
import classes from './register.module.css';

/** The last step: the server signs the person in once both consents are given. */
export function ConsentsStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const brand = useBrandInfo();
  const [esign, setEsign] = useState(false);
  const [privacy, setPrivacy] = useState(false);
  const [errors, setErrors] = useState<{ esign?: string; privacy?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const esignRef = useRef<HTMLInputElement>(null);
  const privacyRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = {
      esign: esign ? undefined : t('register.consents.esignRequired'),
      privacy: privacy ? undefined : t('register.consents.privacyRequired'),
    };
    setErrors(found);
    if (found.esign) return esignRef.current?.focus();
    if (found.privacy) return privacyRef.current?.focus();
    setPending(true);
    setFormError(null);
    try {
      await registration.consents();
      onDone();
    } catch (e) {
      setFormError(isApiError(e) && e.isNetwork ? t('signin.errors.network') : t('signin.errors.generic'));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="lg">
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />}>
            {formError}
          </Alert>
        )}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section className={classes.legal} tabIndex={0} aria-label={t('register.consents.esignRegion')}>
          <EsignDisclosure language={language} brand={brand.name} />
        </section>
        <Checkbox
          ref={esignRef}
          size="md"
          checked={esign}
          onChange={(e) => {
            setEsign(e.currentTarget.checked);
            setErrors((x) => ({ ...x, esign: undefined }));
          }}
          label={t('register.consents.esignLabel')}
          error={errors.esign}
        />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section className={classes.legal} tabIndex={0} aria-label={t('register.consents.privacyRegion')}>
          <PrivacyNotice language={language} brand={brand.name} />
        </section>
        <Checkbox
          ref={privacyRef}
          size="md"
          checked={privacy}
          onChange={(e) => {
            setPrivacy(e.currentTarget.checked);
            setErrors((x) => ({ ...x, privacy: undefined }));
          }}
          label={t('register.consents.privacyLabel')}
          error={errors.privacy}
        />
        <Button type="submit" size="md" loading={pending}>
          {t('register.consents.submit')}
        </Button>
      </Stack>
    </form>
  );
}
