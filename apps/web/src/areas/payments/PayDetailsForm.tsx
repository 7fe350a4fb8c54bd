import { Button, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { AccountDetail, PaymentMethod, PaymentOptions } from '@marque/contracts';
import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { type Choice, ChoiceCards } from '../../ui/index.ts';
import { focusFirstError } from '../shared/fieldErrors.ts';
import { AddMethodLink } from './AddMethodLink.tsx';
import { MoneyInput } from './MoneyInput.tsx';
import { useMethodText } from './methodLabels.ts';
import { usd } from './money.ts';
import {
  firstLaterDate,
  otherAmountError,
  PAY_FIELDS,
  type PayDraft,
  type PayErrors,
  type Preset,
  validateDraft,
} from './payDraft.ts';

export interface PayDetailsFormProps {
  account: AccountDetail;
  options: PaymentOptions;
  methods: PaymentMethod[];
  draft: PayDraft;
  onDraft: (draft: PayDraft) => void;
  errors: PayErrors;
  onErrors: (errors: PayErrors) => void;
  onContinue: () => void;
}

/** Step 1: how much, from where, when (and, for loans in good standing, principal only). */
export function PayDetailsForm({
  account,
  options,
  methods,
  draft,
  onDraft,
  errors,
  onErrors,
  onContinue,
}: PayDetailsFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const methodText = useMethodText();
  const money = (cents: number) => format.money(usd(cents));
  const refs = {
    amount: useRef<HTMLInputElement>(null),
    paymentMethodId: useRef<HTMLInputElement>(null),
    scheduledFor: useRef<HTMLInputElement>(null),
    principalOnly: useRef<HTMLInputElement>(null),
  };
  const otherRef = useRef<HTMLInputElement>(null);
  const errorRefs = { ...refs, amount: draft.preset === 'other' ? otherRef : refs.amount };
  // Back from the review with the server's objections: focus the first field it objected to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only
  useEffect(() => focusFirstError(errors, PAY_FIELDS, errorRefs), []);
  const update = (patch: Partial<PayDraft>, clear: keyof PayErrors) => {
    onDraft({ ...draft, ...patch });
    if (errors[clear]) onErrors({ ...errors, [clear]: undefined });
  };

  const presets: Choice<Preset>[] = [];
  if (options.amountDue.amount > 0) {
    presets.push({
      value: 'amount_due',
      label: t('pay.preset.amountDue'),
      aside: money(options.amountDue.amount),
      hint: options.nextDueDate
        ? t('pay.preset.amountDueHint', { date: format.date(options.nextDueDate) })
        : undefined,
    });
  }
  if (options.pastDue.amount > 0 && options.pastDue.amount !== options.amountDue.amount) {
    presets.push({
      value: 'past_due',
      label: t('pay.preset.pastDue'),
      aside: money(options.pastDue.amount),
      hint: t('pay.preset.pastDueHint'),
    });
  }
  presets.push(
    {
      value: 'payoff',
      label: t(`pay.preset.payoff.${account.type}`),
      aside: money(options.payoff.amount),
      hint: t(`pay.preset.payoffHint.${account.type}`),
    },
    {
      value: 'other',
      label: t('pay.preset.other'),
      hint: t('pay.preset.otherHint', { max: money(options.maximum.amount) }),
    },
  );

  const methodChoices: Choice<string>[] = methods.map((method) => {
    const text = methodText(method);
    return { value: method.id, label: text.label, hint: text.hint, disabled: !text.usable };
  });
  const usable = methods.some((m) => methodText(m).usable);
  const canSchedule = firstLaterDate(options) <= options.latestDate;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDraft(t, draft, options, money);
    onErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstError(found, PAY_FIELDS, errorRefs);
      return;
    }
    onContinue();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xl">
        <Stack gap="sm">
          <ChoiceCards
            legend={t('pay.amountLegend')}
            name="preset"
            choices={presets}
            value={draft.preset}
            onChange={(preset) => {
              update({ preset }, 'amount');
              if (preset === 'other') requestAnimationFrame(() => otherRef.current?.focus());
            }}
            error={draft.preset === 'other' ? undefined : errors.amount}
            firstRef={refs.amount}
          />
          {draft.preset === 'other' && (
            <MoneyInput
              ref={otherRef}
              label={t('pay.otherLabel')}
              description={t('pay.otherHelp', {
                min: money(options.minimum.amount),
                max: money(options.maximum.amount),
              })}
              value={draft.other}
              onChange={(e) => {
                const other = e.currentTarget.value;
                onDraft({ ...draft, other });
                // Validated as you type: a wrong character or an amount out of range is said at once.
                onErrors({ ...errors, amount: otherAmountError(t, other, options, money) });
              }}
              error={errors.amount}
            />
          )}
        </Stack>

        <Stack gap="xs">
          {methods.length > 0 ? (
            <ChoiceCards
              legend={t('pay.methodLegend')}
              name="paymentMethodId"
              choices={methodChoices}
              value={draft.methodId}
              onChange={(methodId) => update({ methodId }, 'paymentMethodId')}
              error={errors.paymentMethodId}
              firstRef={refs.paymentMethodId}
            />
          ) : (
            <Text fw={600}>{t('pay.methodLegend')}</Text>
          )}
          {!usable && (
            <Text size="sm" c="dimmed">
              {t('pay.noMethods')}
            </Text>
          )}
          <AddMethodLink />
        </Stack>

        <Stack gap="sm">
          <ChoiceCards
            legend={t('pay.whenLegend')}
            name="when"
            choices={[
              { value: 'today', label: t('pay.today', { date: format.date(options.earliestDate) }) },
              ...(canSchedule
                ? [
                    {
                      value: 'later' as const,
                      label: t('pay.later'),
                      hint: t('pay.laterHint', { date: format.date(options.latestDate) }),
                    },
                  ]
                : []),
            ]}
            value={draft.when}
            onChange={(when) => update({ when }, 'scheduledFor')}
            error={draft.when === 'later' ? undefined : errors.scheduledFor}
            columns={2}
          />
          {draft.when === 'later' && (
            <TextInput
              ref={refs.scheduledFor}
              type="date"
              label={t('pay.dateLabel')}
              description={t('pay.dateHelp', {
                from: format.date(firstLaterDate(options)),
                to: format.date(options.latestDate),
              })}
              min={firstLaterDate(options)}
              max={options.latestDate}
              value={draft.date}
              onChange={(e) => update({ date: e.currentTarget.value }, 'scheduledFor')}
              error={errors.scheduledFor}
            />
          )}
        </Stack>

        {options.principalOnlyAllowed && (
          <Switch
            ref={refs.principalOnly}
            size="md"
            label={t('pay.principalOnlyLabel')}
            description={t('pay.principalOnlyHelp')}
            checked={draft.principalOnly}
            onChange={(e) => update({ principalOnly: e.currentTarget.checked }, 'principalOnly')}
            error={errors.principalOnly}
            aria-invalid={errors.principalOnly ? true : undefined}
          />
        )}

        <Button type="submit" size="md" disabled={!usable}>
          {t('pay.continue')}
        </Button>
      </Stack>
    </form>
  );
}
