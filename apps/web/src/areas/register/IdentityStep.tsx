import { Alert, Button, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import type { IdentityVerificationRequest, RegistrationProgress } from '@marque/contracts';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, registration } from '../../api/index.ts';
import { IconAlertCircle, IconEye, IconEyeOff } from '../../ui/index.ts';
import { focusFirstError, serverFieldErrors } from '../shared/fieldErrors.ts';
import classes from './register.module.css';

type Field = 'firstName' | 'lastName' | 'dateOfBirth' | 'zip' | 'ssn' | 'ssnLast4' | 'accountOrVin';
const ORDER: readonly Field[] = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'zip',
  'ssn',
  'ssnLast4',
  'accountOrVin',
];
type Errors = Partial<Record<Field, string>>;
type FormError = 'not_verified' | 'rate_limited' | 'network' | 'generic';

const digitsOf = (v: string) => v.replace(/[\s-]/g, '');
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

export interface IdentityStepProps {
  onVerified?: (progress: RegistrationProgress, names: { firstName: string; lastName: string }) => void;
  /** Another use of the same facts (account recovery) sends them itself instead of registering. */
  submit?: (identity: IdentityVerificationRequest) => Promise<void>;
  /** Fields above the identity facts, with their own check (false: invalid, and it moved focus). */
  before?: ReactNode;
  checkBefore?: () => boolean;
  /** Lets `before`'s fields take their server errors first (true: handled). */
  onServerError?: (error: unknown) => boolean;
  submitLabel?: string;
  failureTitle?: string;
}

/**
 * Step 1: who the person is. The SSN is masked (with show/hide), never autocompleted, and only ever
 * sent in a POST body: the form's method is post, so even a failed script can't put it in the URL.
 * A failure never says which detail did not match.
 */
export function IdentityStep({
  onVerified,
  submit,
  before,
  checkBefore,
  onServerError,
  submitLabel,
  failureTitle,
}: IdentityStepProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    zip: '',
    ssn: '',
    ssnLast4: '',
    accountOrVin: '',
  });
  const [mode, setMode] = useState<'full' | 'last4'>('full');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);
  const refs = {
    firstName: useRef<HTMLInputElement>(null),
    lastName: useRef<HTMLInputElement>(null),
    dateOfBirth: useRef<HTMLInputElement>(null),
    zip: useRef<HTMLInputElement>(null),
    ssn: useRef<HTMLInputElement>(null),
    ssnLast4: useRef<HTMLInputElement>(null),
    accountOrVin: useRef<HTMLInputElement>(null),
  };
  const alertRef = useRef<HTMLDivElement>(null);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const validate = (): Errors => {
    const e: Errors = {};
    if (!values.firstName.trim()) e.firstName = t('register.identity.errors.firstName');
    if (!values.lastName.trim()) e.lastName = t('register.identity.errors.lastName');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth))
      e.dateOfBirth = t('register.identity.errors.dateOfBirth');
    if (!/^\d{5}(-?\d{4})?$/.test(values.zip.trim())) e.zip = t('register.identity.errors.zip');
    if (mode === 'full') {
      if (!/^\d{9}$/.test(digitsOf(values.ssn))) e.ssn = t('register.identity.errors.ssn');
    } else {
      if (!/^\d{4}$/.test(digitsOf(values.ssnLast4))) e.ssnLast4 = t('register.identity.errors.ssnLast4');
      const id = digitsOf(values.accountOrVin).toUpperCase();
      if (!/^\d{11}$/.test(id) && !VIN.test(id)) e.accountOrVin = t('register.identity.errors.accountOrVin');
    }
    return e;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const beforeOk = checkBefore ? checkBefore() : true;
    const found = validate();
    setErrors(found);
    if (!beforeOk || Object.values(found).some(Boolean)) {
      if (beforeOk) focusFirstError(found, ORDER, refs);
      return;
    }
    const id = digitsOf(values.accountOrVin).toUpperCase();
    const body = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      dateOfBirth: values.dateOfBirth,
      zip: values.zip.trim(),
      ...(mode === 'full'
        ? { ssn: digitsOf(values.ssn) }
        : { ssnLast4: digitsOf(values.ssnLast4), ...(VIN.test(id) ? { vin: id } : { accountNumber: id }) }),
    };
    setPending(true);
    try {
      if (submit) {
        await submit(body);
      } else {
        const progress = await registration.verifyIdentity(body);
        onVerified?.(progress, { firstName: body.firstName, lastName: body.lastName });
      }
    } catch (error) {
      if (onServerError?.(error)) return;
      const server = serverFieldErrors(error, [...ORDER, 'accountNumber', 'vin'] as const);
      const mapped: Errors = {};
      for (const [field, item] of Object.entries(server)) {
        const key = (field === 'accountNumber' || field === 'vin' ? 'accountOrVin' : field) as Field;
        if (item && !mapped[key]) mapped[key] = item.message;
      }
      if (Object.keys(mapped).length > 0) {
        setErrors(mapped);
        focusFirstError(mapped, ORDER, refs);
      } else {
        setFormError(
          isApiError(error) && error.isNetwork
            ? 'network'
            : isApiError(error) && error.status === 429
              ? 'rate_limited'
              : submit
                ? 'generic'
                : 'not_verified',
        );
        // Details stay for correction, except the SSN, which is typed again.
        setValues((v) => ({ ...v, ssn: '', ssnLast4: '' }));
        requestAnimationFrame(() => alertRef.current?.focus());
      }
    } finally {
      setPending(false);
    }
  };

  const secretProps = {
    autoComplete: 'off',
    inputMode: 'numeric' as const,
    visibilityToggleFocusable: true,
    visibilityToggleButtonProps: { 'aria-label': t('register.identity.showSsn') },
    visibilityToggleIcon: ({ reveal }: { reveal: boolean }) =>
      reveal ? <IconEyeOff size={20} /> : <IconEye size={20} />,
    withAsterisk: false,
    required: true,
    size: 'md' as const,
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post" autoComplete="on">
      <Stack gap="md">
        {before}
        {formError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color="red"
            icon={<IconAlertCircle />}
            title={failureTitle ?? t('register.identity.failedTitle')}
          >
            {formError === 'not_verified'
              ? t('register.identity.failedBody')
              : formError === 'rate_limited'
                ? t('signin.errors.rate_limited')
                : formError === 'generic'
                  ? t('signin.errors.generic')
                  : t('signin.errors.network')}
          </Alert>
        )}
        <div className={classes.twoCols}>
          <TextInput
            ref={refs.firstName}
            label={t('register.identity.firstName')}
            autoComplete="given-name"
            value={values.firstName}
            onChange={(e) => set('firstName')(e.currentTarget.value)}
            error={errors.firstName}
            required
            withAsterisk={false}
            size="md"
          />
          <TextInput
            ref={refs.lastName}
            label={t('register.identity.lastName')}
            autoComplete="family-name"
            value={values.lastName}
            onChange={(e) => set('lastName')(e.currentTarget.value)}
            error={errors.lastName}
            required
            withAsterisk={false}
            size="md"
          />
        </div>
        <div className={classes.twoCols}>
          <TextInput
            ref={refs.dateOfBirth}
            type="date"
            label={t('register.identity.dateOfBirth')}
            autoComplete="bday"
            max={new Date().toISOString().slice(0, 10)}
            value={values.dateOfBirth}
            onChange={(e) => set('dateOfBirth')(e.currentTarget.value)}
            error={errors.dateOfBirth}
            required
            withAsterisk={false}
            size="md"
          />
          <TextInput
            ref={refs.zip}
            label={t('register.identity.zip')}
            description={t('register.identity.zipHelp')}
            autoComplete="postal-code"
            inputMode="numeric"
            maxLength={10}
            value={values.zip}
            onChange={(e) => set('zip')(e.currentTarget.value)}
            error={errors.zip}
            required
            withAsterisk={false}
            size="md"
          />
        </div>
        <Radio.Group
          label={t('register.identity.ssnChoice')}
          value={mode}
          onChange={(v) => {
            setMode(v === 'last4' ? 'last4' : 'full');
            setErrors((e) => ({ ...e, ssn: undefined, ssnLast4: undefined, accountOrVin: undefined }));
          }}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="full" label={t('register.identity.ssnFull')} />
            <Radio value="last4" label={t('register.identity.ssnPartial')} />
          </Stack>
        </Radio.Group>
        {mode === 'full' ? (
          <PasswordInput
            ref={refs.ssn}
            label={t('register.identity.ssn')}
            description={t('register.identity.ssnHelp')}
            name="ssn"
            maxLength={11}
            value={values.ssn}
            onChange={(e) => set('ssn')(e.currentTarget.value)}
            error={errors.ssn}
            {...secretProps}
          />
        ) : (
          <div className={classes.twoCols}>
            <PasswordInput
              ref={refs.ssnLast4}
              label={t('register.identity.ssnLast4')}
              name="ssnLast4"
              maxLength={4}
              value={values.ssnLast4}
              onChange={(e) => set('ssnLast4')(e.currentTarget.value)}
              error={errors.ssnLast4}
              {...secretProps}
            />
            <TextInput
              ref={refs.accountOrVin}
              label={t('register.identity.accountOrVin')}
              description={t('register.identity.accountOrVinHelp')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              value={values.accountOrVin}
              onChange={(e) => set('accountOrVin')(e.currentTarget.value)}
              error={errors.accountOrVin}
              required
              withAsterisk={false}
              size="md"
            />
          </div>
        )}
        <Button type="submit" size="md" loading={pending} mt="xs">
          {submitLabel ?? t('register.identity.submit')}
        </Button>
      </Stack>
    </form>
  );
}
