import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { Autopay, PaymentMethod } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, saveAutopay } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { ChoiceCards, IconAlertCircle } from '../../ui/index.ts';
import type { useStepUp } from '../security/StepUp.tsx';
import { focusFirstError } from '../shared/fieldErrors.ts';
import { AddMethodLink } from './AddMethodLink.tsx';
import classes from './autopay.module.css';
import {
  AUTOPAY_FIELDS,
  type AutopayDraft,
  type AutopayErrors,
  autopayRequest,
  draftFrom,
  extraError,
  validateAutopay,
} from './autopayDraft.ts';
import { MoneyInput } from './MoneyInput.tsx';
import { useMethodText } from './methodLabels.ts';
import { formErrorText, localizedFieldErrors } from './payErrors.ts';

const DAYS = Array.from({ length: 11 }, (_, i) => i);

export interface AutopayFormProps {
  accountId: string;
  autopay: Autopay;
  methods: PaymentMethod[];
  guard: ReturnType<typeof useStepUp>['guard'];
  onSaved: (autopay: Autopay) => void;
  /** Editing an enrolment: a way back without saving. */
  onCancel?: () => void;
}

/** Enrol in autopay, or edit it in place: bank account, amount rule, draft day, and the authorisation. */
export function AutopayForm({ accountId, autopay, methods, guard, onSaved, onCancel }: AutopayFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const methodText = useMethodText();
  const banks = methods.filter((m) => m.type === 'bank_account');
  const [draft, setDraft] = useState<AutopayDraft>(() =>
    draftFrom(
      autopay,
      banks.map((b) => b.id),
    ),
  );
  const [errors, setErrors] = useState<AutopayErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    paymentMethodId: useRef<HTMLInputElement>(null),
    extraAmount: useRef<HTMLInputElement>(null),
    draftDaysBeforeDue: useRef<HTMLSelectElement>(null),
    authorizationVersion: useRef<HTMLInputElement>(null),
  };
  const editing = onCancel !== undefined;
  const update = (patch: Partial<AutopayDraft>, clear?: keyof AutopayErrors) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (clear && errors[clear]) setErrors((e) => ({ ...e, [clear]: undefined }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = validateAutopay(t, draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstError(found, AUTOPAY_FIELDS, refs);
      return;
    }
    setBusy(true);
    try {
      // Keep a skipped draft skipped across an edit: the edit changes only what the customer changed.
      const request = autopayRequest(draft, autopay, format.language, autopay.status === 'paused');
      onSaved(await guard(() => saveAutopay(accountId, request)));
    } catch (error) {
      if (isApiError(error) && error.code === 'step_up_cancelled') return;
      const fields = localizedFieldErrors(t, error, AUTOPAY_FIELDS);
      if (Object.values(fields).some(Boolean)) {
        setErrors(fields);
        focusFirstError(fields, AUTOPAY_FIELDS, refs);
      } else {
        setFormError(formErrorText(t, error, t('autopay.errors.generic')));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="xl">
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {formError}
          </Alert>
        )}
        <Stack gap="xs">
          {banks.length > 0 ? (
            <ChoiceCards
              legend={t('autopay.form.methodLegend')}
              description={t('autopay.form.methodHelp')}
              name="autopayMethod"
              choices={banks.map((bank) => {
                const text = methodText(bank);
                return { value: bank.id, label: text.label, hint: text.hint };
              })}
              value={draft.methodId}
              onChange={(methodId) => update({ methodId }, 'paymentMethodId')}
              error={errors.paymentMethodId}
              firstRef={refs.paymentMethodId}
            />
          ) : (
            <>
              <Text fw={600}>{t('autopay.form.methodLegend')}</Text>
              <Text size="sm" c="dimmed">
                {t('autopay.form.noBank')}
              </Text>
            </>
          )}
          <AddMethodLink />
        </Stack>

        <Stack gap="sm">
          <ChoiceCards
            legend={t('autopay.form.amountLegend')}
            name="amountRule"
            choices={[
              {
                value: 'amount_due',
                label: t('autopay.rule.amount_due'),
                hint: t('autopay.form.amountDueHint'),
              },
              {
                value: 'fixed_extra',
                label: t('autopay.rule.fixed_extra'),
                hint: t('autopay.form.extraHint'),
              },
            ]}
            value={draft.rule}
            onChange={(rule) => update({ rule }, 'extraAmount')}
          />
          {draft.rule === 'fixed_extra' && (
            <MoneyInput
              ref={refs.extraAmount}
              label={t('autopay.form.extraLabel')}
              description={t('autopay.form.extraHelp')}
              value={draft.extra}
              onChange={(e) => {
                const extra = e.currentTarget.value;
                update({ extra });
                setErrors((x) => ({ ...x, extraAmount: extraError(t, extra) }));
              }}
              error={errors.extraAmount}
            />
          )}
        </Stack>

        <NativeSelect
          ref={refs.draftDaysBeforeDue}
          size="md"
          label={t('autopay.form.daysLabel')}
          description={t('autopay.form.daysHelp')}
          value={String(draft.days)}
          data={DAYS.map((d) => ({ value: String(d), label: t('autopay.days', { count: d }) }))}
          onChange={(e) => update({ days: Number(e.currentTarget.value) }, 'draftDaysBeforeDue')}
          error={errors.draftDaysBeforeDue}
        />

        <Stack gap="sm">
          <Text fw={600} id="autopay-authorization-title">
            {t('autopay.form.authorizationTitle')}
          </Text>
          <div className={classes.authorization} aria-labelledby="autopay-authorization-title" role="note">
            {autopay.authorization.text[format.language]}
          </div>
          <Checkbox
            ref={refs.authorizationVersion}
            size="md"
            label={t('autopay.form.agree')}
            checked={draft.agreed}
            onChange={(e) => update({ agreed: e.currentTarget.checked }, 'authorizationVersion')}
            error={errors.authorizationVersion}
            aria-invalid={errors.authorizationVersion ? true : undefined}
          />
        </Stack>

        <Group gap="sm" grow={false}>
          <Button type="submit" size="md" loading={busy} disabled={banks.length === 0}>
            {editing ? t('autopay.form.save') : t('autopay.form.enrol')}
          </Button>
          {onCancel && (
            <Button variant="default" size="md" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
