import { Anchor, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { Role, UserSummary } from '@marque/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEALER_ROLES, isApiError, STAFF_ROLES, useDealers, userAdmin } from '../../api/index.ts';
import { EmailField } from '../shared/EmailField.tsx';
import { FormError } from '../shared/FormError.tsx';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import { useRequestErrorText } from '../shared/requestErrorText.ts';
import { useFieldForm } from '../shared/useFieldForm.ts';

type Field = 'email' | 'displayName' | 'role' | 'dealerId';
const ORDER: readonly Field[] = ['email', 'displayName', 'role', 'dealerId'];
type Errors = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Every field is required; errors say so, not an asterisk. */
const FIELD = { required: true, withAsterisk: false, size: 'md' } as const;

export interface InviteUserFormProps {
  onInvited: (user: UserSummary) => void;
  onCancel: () => void;
}

/**
 * Invite a staff or dealer user: e-mail address, name, role, and for dealer roles the dealership
 * they work for. The role has no default: an admin chooses it on purpose.
 */
export function InviteUserForm({ onInvited, onCancel }: InviteUserFormProps) {
  const { t } = useTranslation();
  const requestError = useRequestErrorText();
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    displayName: '',
    role: '',
    dealerId: '',
  });
  const refs = {
    email: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    dealerId: useRef<HTMLSelectElement>(null),
  };
  const { errors, formError, pending, submit, clearError } = useFieldForm(ORDER, refs);
  const forDealer = DEALER_ROLES.includes(values.role as Role);
  const dealers = useDealers(forDealer);
  const dealerList = dealers.data?.data;

  // One dealership (the usual demo and small lenders): choose it rather than ask.
  useEffect(() => {
    const only = dealerList?.length === 1 ? dealerList[0] : undefined;
    if (only) setValues((v) => (v.dealerId ? v : { ...v, dealerId: only.id }));
  }, [dealerList]);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearError(field);
  };

  const check = (): Errors => {
    const found: Errors = {};
    const email = values.email.trim();
    if (!email) found.email = t('ops.invite.errors.emailRequired');
    else if (!EMAIL.test(email) || email.length > 254) found.email = t('ops.invite.errors.emailInvalid');
    const name = values.displayName.trim();
    if (!name) found.displayName = t('ops.invite.errors.nameRequired');
    else if (name.length > 120) found.displayName = t('ops.invite.errors.nameTooLong');
    if (!values.role) found.role = t('ops.invite.errors.roleRequired');
    if (forDealer && !values.dealerId) found.dealerId = t('ops.invite.errors.dealerRequired');
    return found;
  };

  const send = async () => {
    onInvited(
      await userAdmin.invite({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role as Exclude<Role, 'customer'>,
        ...(forDealer ? { dealerId: values.dealerId } : {}),
      }),
    );
  };

  const fieldErrorsOf = (error: unknown): Errors => {
    if (isApiError(error) && error.code === 'email_in_use')
      return { email: t('ops.invite.errors.emailInUse') };
    const server = serverFieldErrors(error, ORDER);
    return Object.fromEntries(ORDER.map((field) => [field, server[field]?.message]));
  };

  const formErrorOf = (error: unknown) =>
    isApiError(error) && (error.status === 429 || error.isNetwork)
      ? requestError(error)
      : t('ops.users.errors.generic');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return submit({ check, send, fieldErrorsOf, formErrorOf });
  };

  const dealerOptions = [
    {
      value: '',
      label:
        dealers.isFetching && !dealerList ? t('ops.invite.dealerLoading') : t('ops.invite.dealerPlaceholder'),
      disabled: true,
    },
    ...(dealerList ?? []).map((d) => ({ value: d.id, label: t('ops.invite.dealerOption', d) })),
  ];

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate method="post">
      <Stack gap="md" maw="36rem">
        <FormError message={formError} />
        <EmailField
          ref={refs.email}
          label={t('ops.invite.email')}
          description={t('ops.invite.emailHelp')}
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
        <TextInput
          ref={refs.displayName}
          label={t('ops.invite.displayName')}
          description={t('ops.invite.displayNameHelp')}
          autoComplete="off"
          {...FIELD}
          value={values.displayName}
          onChange={(e) => set('displayName')(e.currentTarget.value)}
          error={errors.displayName}
        />
        <NativeSelect
          ref={refs.role}
          label={t('ops.invite.role')}
          {...FIELD}
          value={values.role}
          onChange={(e) => set('role')(e.currentTarget.value)}
          error={errors.role}
          data={[
            { value: '', label: t('ops.invite.rolePlaceholder'), disabled: true },
            ...STAFF_ROLES.map((role) => ({ value: role, label: t(`ops.users.roles.${role}`) })),
          ]}
        />
        {forDealer && (
          <Stack gap={4}>
            <NativeSelect
              ref={refs.dealerId}
              label={t('ops.invite.dealer')}
              description={t('ops.invite.dealerHelp')}
              {...FIELD}
              value={values.dealerId}
              onChange={(e) => set('dealerId')(e.currentTarget.value)}
              error={errors.dealerId ?? (dealers.isError ? t('ops.invite.errors.dealersFailed') : undefined)}
              data={dealerOptions}
            />
            {dealers.isError && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="left"
                onClick={() => void dealers.refetch()}
              >
                {t('ops.invite.retryDealers')}
              </Anchor>
            )}
          </Stack>
        )}
        <Group gap="sm">
          <Button type="submit" size="md" loading={pending}>
            {t('ops.invite.submit')}
          </Button>
          <Button variant="default" size="md" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
