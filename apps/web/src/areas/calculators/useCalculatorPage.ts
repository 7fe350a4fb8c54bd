import { useTranslation } from 'react-i18next';
import type { CalculatorKind } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { fieldRenderer } from './FieldGroup.tsx';
import { type FieldSpec, useCalculatorForm } from './useCalculatorForm.ts';

/** A translator that takes the calculator keys built at run time (`calculators.${kind}.x`). */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** What every calculator page starts with: its form, a field renderer, the result and formatters. */
export function useCalculatorPage<K extends CalculatorKind>(kind: K, specs: readonly FieldSpec[]) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useCalculatorForm(kind, specs);
  return { t: t as unknown as LooseT, format, form, field: fieldRenderer(specs, form), r: form.result };
}
