import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type BankAccountType, bankNameForRouting, type PaymentMethod } from '@marque/contracts';
import { isValidAbaRouting } from '@marque/finance';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods } from '../../api/index.ts';
import { IconAlertCircle, IconCheckCircle } from '../../ui/index.ts';
import type { useStepUp } from '../security/StepUp.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import { useFieldForm } from '../shared/useFieldForm.ts';
import { addErrorMessage } from './methodText.ts';

type Field = 'holderName' | 'routingNumber' | 'accountNumber' | 'confirmAccountNumber' | 'nickname';
const ORDER: readonly Field[] = [
  'holderName',
  'routingNumber',
  'accountNumber',
  'confirmAccountNumber',
  'nickname',
];
type Errors = Partial<Record<Field, string>>;

const digitsOf = (value: string) => value.replace(/[\s-]/g, '');

/** What the routing number says so far: nothing yet, not valid, or valid (with the bank when known). */
function routingStatus(value: string): { valid: boolean; complete: boolean; bankName: string | null } {
  const digits = digitsOf(value);
  const complete = /^\d{9}$/.test(digits);
  const valid = complete && isValidAbaRouting(digits);
  return { valid, complete, bankName: valid ? bankNameForRouting(digits) : null };
}

export interface AddBankAccountFormProps {
  defaultHolderName: string;
  guard: ReturnType<typeof useStepUp>['guard'];
  onAdded: (method: PaymentMethod) => void;
  onCancel: () => void;
}

/**
 * Bank account form. The routing number is checked as it is typed (ABA check digit) and the
 * bank's name shown when our directory knows it; the account number is typed twice. The server
 * checks everything again and may first ask for a fresh second factor (step-up).
 */
export function AddBankAccountForm({ defaultHolderName, guard, onAdded, onCancel }: AddBankAccountFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    holderName: defaultHolderName,
    routingNumber: '',
    accountNumber: '',
    confirmAccountNumber: '',
    nickname: '',
  });
  const [accountType, setAccountType] = useState<BankAccountType>('checking');
  const refs = {
    holderName: useRef<HTMLInputElement>(null),
    routingNumber: useRef<HTMLInputElement>(null),
    accountNumber: useRef<HTMLInputElement>(null),
    confirmAccountNumber: useRef<HTMLInputElement>(null),
    nickname: useRef<HTMLInputElement>(null),
  };
  const { errors, setErrors, formError, pending, submit } = useFieldForm(ORDER, refs);
  const routing = routingStatus(values.routingNumber);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      const next = { ...e, [field]: undefined };
      // As-you-type: a complete routing number that fails the check digit is said at once.
      if (field === 'routingNumber') {
        const status = routingStatus(value);
        if (status.complete && !status.valid)
          next.routingNumber = t('paymentMethods.bank.errors.routingInvalid');
      }
      return next;
    });
  };

  const check = (): Errors => {
    const found: Errors = {};
    const routingDigits = digitsOf(values.routingNumber);
    const account = digitsOf(values.accountNumber);
    if (!values.holderName.trim()) found.holderName = t('paymentMethods.bank.errors.holderNameRequired');
    if (!routingDigits) found.routingNumber = t('paymentMethods.bank.errors.routingRequired');
    else if (!/^\d{9}$/.test(routingDigits))
      found.routingNumber = t('paymentMethods.bank.errors.routingLength');
    else if (!isValidAbaRouting(routingDigits))
      found.routingNumber = t('paymentMethods.bank.errors.routingInvalid');
    if (!account) found.accountNumber = t('paymentMethods.bank.errors.accountRequired');
    else if (!/^\d{4,17}$/.test(account))
      found.accountNumber = t('paymentMethods.bank.errors.accountInvalid');
    else if (account !== digitsOf(values.confirmAccountNumber))
      found.confirmAccountNumber = t('paymentMethods.bank.errors.confirmMismatch');
    if (values.nickname.trim().length > 40) found.nickname = t('paymentMethods.bank.errors.nicknameTooLong');
    return found;
  };

  const send = async () => {
    const nickname = values.nickname.trim();
    const method = await guard(() =>
      paymentMethods.addBankAccount({
        holderName: values.holderName.trim(),
        routingNumber: digitsOf(values.routingNumber),
        accountNumber: digitsOf(values.accountNumber),
        accountType,
        ...(nickname ? { nickname } : {}),
      }),
    );
    onAdded(method);
  };

  const fieldErrorsOf = (error: unknown): Errors => {
    const server = serverFieldErrors(error, ORDER);
    const mapped: Errors = {};
    for (const field of ORDER) {
      const item = server[field];
      if (!item) continue;
      mapped[field] =
        item.code === 'invalid_routing_number'
          ? t('paymentMethods.bank.errors.routingInvalid')
          : item.code === 'card_number_not_accepted'
            ? t('paymentMethods.errors.card_number_not_accepted')
            : item.message;
    }
    return mapped;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return submit({ check, send, fieldErrorsOf, formErrorOf: (error) => addErrorMessage(t, error) });
  };

  const routingDescription = routing.valid ? (
    <Group component="span" gap={4} c="teal.9">
      <IconCheckCircle size={14} />
      {routing.bankName
        ? t('paymentMethods.bank.bankFound', { name: routing.bankName })
        : t('paymentMethods.bank.routingValid')}
    </Group>
  ) : (
    t('paymentMethods.bank.routingHelp')
  );

  const numberProps = {
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    spellCheck: false,
    required: true,
    withAsterisk: false,
    size: 'md' as const,
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post" aria-labelledby="add-bank-title">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('paymentMethods.bank.intro')}
        </Text>
        <div role="alert">
          {formError && (
            <Alert color="red" icon={<IconAlertCircle />}>
              {formError}
            </Alert>
          )}
        </div>
        <TextInput
          ref={refs.holderName}
          label={t('paymentMethods.bank.holderName')}
          autoComplete="name"
          required
          withAsterisk={false}
          size="md"
          maxLength={100}
          value={values.holderName}
          onChange={(e) => set('holderName')(e.currentTarget.value)}
          error={errors.holderName}
        />
        <TextInput
          ref={refs.routingNumber}
          label={t('paymentMethods.bank.routingNumber')}
          description={<span aria-live="polite">{routingDescription}</span>}
          maxLength={11}
          value={values.routingNumber}
          onChange={(e) => set('routingNumber')(e.currentTarget.value)}
          error={errors.routingNumber}
          {...numberProps}
        />
        <TextInput
          ref={refs.accountNumber}
          label={t('paymentMethods.bank.accountNumber')}
          description={t('paymentMethods.bank.accountHelp')}
          maxLength={21}
          value={values.accountNumber}
          onChange={(e) => set('accountNumber')(e.currentTarget.value)}
          error={errors.accountNumber}
          {...numberProps}
        />
        <TextInput
          ref={refs.confirmAccountNumber}
          label={t('paymentMethods.bank.confirmAccountNumber')}
          maxLength={21}
          value={values.confirmAccountNumber}
          onChange={(e) => set('confirmAccountNumber')(e.currentTarget.value)}
          error={errors.confirmAccountNumber}
          {...numberProps}
        />
        <Radio.Group
          label={t('paymentMethods.bank.accountType')}
          value={accountType}
          onChange={(v) => setAccountType(v === 'savings' ? 'savings' : 'checking')}
        >
          <Group gap="lg" mt="xs">
            <Radio value="checking" label={t('paymentMethods.accountTypes.checking')} />
            <Radio value="savings" label={t('paymentMethods.accountTypes.savings')} />
          </Group>
        </Radio.Group>
        <TextInput
          ref={refs.nickname}
          label={t('paymentMethods.bank.nickname')}
          description={t('paymentMethods.bank.nicknameHelp')}
          size="md"
          maxLength={60}
          value={values.nickname}
          onChange={(e) => set('nickname')(e.currentTarget.value)}
          error={errors.nickname}
        />
        <Group gap="sm" justify="flex-end">
          <Button variant="default" size="md" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="md" loading={pending}>
            {t('paymentMethods.bank.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
