import { NativeSelect, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../payments/MoneyInput.tsx';
import type { FieldError, FieldSpec } from './useCalculatorForm.ts';

const RULE_CODES = new Set([
  'nothing_to_finance',
  'trade_in_above_price',
  'residual_above_price',
  'cap_cost_reduction_too_large',
  'budget_too_low',
  'rate_required',
  'residual_required',
]);

/** A field error in the visitor's language: our own words for the codes we know, else the server's. */
export function useErrorText() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (k: string, o?: Record<string, unknown>) => string;
  return (error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.local) return t(`calculators.errors.${error.local}`);
    const code = error.code ?? '';
    if (code === 'too_small') return t('calculators.errors.tooSmall');
    // The contracts' only refinement on rates is their ceiling (36 % APR, 20 % tax, 0.01 money factor).
    if (code === 'too_big' || code === 'custom') return t('calculators.errors.tooBig');
    if (['invalid_format', 'invalid_type', 'invalid_input', 'invalid_string'].includes(code)) {
      return t('calculators.errors.invalid');
    }
    if (RULE_CODES.has(code)) return t(`calculators.errors.${code}`);
    return error.message;
  };
}

export interface CalcFieldProps {
  spec: FieldSpec;
  value: string;
  onChange: (value: string) => void;
  error: FieldError | undefined;
  /** For `choice` fields: the option values (labels are `calculators.options.<name>.<value>`). */
  options?: readonly string[];
}

/** One calculator input, labelled, with its hint and its error next to it. */
export function CalcField({ spec, value, onChange, error, options }: CalcFieldProps) {
  const { t: translate, i18n } = useTranslation();
  const t = translate as unknown as (k: string) => string;
  const errorText = useErrorText()(error);
  const label = t(`calculators.fields.${spec.name}`);
  const hintKey = `calculators.hints.${spec.name}`;
  const description = i18n.exists(hintKey) ? t(hintKey) : undefined;
  const common = {
    label,
    description,
    error: errorText,
    name: spec.name,
    value,
    autoComplete: 'off',
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
  };
  switch (spec.kind) {
    case 'money':
      return <MoneyInput {...common} />;
    case 'percent':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          rightSection={<span aria-hidden="true">%</span>}
          rightSectionPointerEvents="none"
        />
      );
    case 'decimal':
      return <TextInput {...common} inputMode="decimal" />;
    case 'months':
      return <TextInput {...common} inputMode="numeric" />;
    case 'choice':
      return (
        <NativeSelect
          {...common}
          size="md"
          data={(options ?? []).map((o) => ({ value: o, label: t(`calculators.options.${spec.name}.${o}`) }))}
        />
      );
    case 'toggle':
      return (
        <Switch
          size="md"
          label={label}
          description={description}
          name={spec.name}
          checked={value === 'true'}
          onChange={(event) => onChange(event.currentTarget.checked ? 'true' : 'false')}
          error={errorText}
        />
      );
  }
}
