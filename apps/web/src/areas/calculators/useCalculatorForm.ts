import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CalculatorKind, type CalculatorRequest, isApiError, useCalculation } from '../../api/index.ts';
import { parseDollars } from '../payments/money.ts';

export type FieldKind = 'money' | 'percent' | 'decimal' | 'months' | 'choice' | 'toggle';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** The value a first visit starts with (as typed: dollars, percent, months). */
  initial: string;
  required?: boolean;
  /**
   * Kept out of the shareable URL (e.g. income): a link carries only what describes the car
   * and the deal, never anything about the person.
   */
  private?: boolean;
  /** A choice that only steers the form (e.g. "enter the residual as a percent"): in the URL, not sent. */
  uiOnly?: boolean;
  /** The field only applies (is shown and sent) when this holds. */
  when?: (values: Record<string, string>) => boolean;
}

export type LocalError = 'required' | 'invalidAmount' | 'invalidNumber';
export interface FieldError {
  /** A translated local problem, or the server's code and message. */
  local?: LocalError;
  code?: string;
  message?: string;
}

/** Debounce between the last keystroke and the request (and the URL update). */
export const DEBOUNCE_MS = 400;

const WHOLE = /^\d{1,4}$/;

/** Typed text into the request's wire values: dollars become integer cents by string parsing only. */
function parse(
  specs: readonly FieldSpec[],
  values: Record<string, string>,
): { body: Record<string, unknown> | null; errors: Record<string, LocalError> } {
  const body: Record<string, unknown> = {};
  const errors: Record<string, LocalError> = {};
  for (const spec of specs) {
    if (spec.uiOnly || (spec.when && !spec.when(values))) continue;
    const raw = (values[spec.name] ?? '').trim();
    if (raw === '' && spec.kind !== 'toggle') {
      if (spec.required) errors[spec.name] = 'required';
      continue;
    }
    switch (spec.kind) {
      case 'money': {
        const parsed = parseDollars(raw);
        if (parsed.ok) body[spec.name] = parsed.cents;
        else errors[spec.name] = 'invalidAmount';
        break;
      }
      case 'months':
        if (WHOLE.test(raw)) body[spec.name] = Number(raw);
        else errors[spec.name] = 'invalidNumber';
        break;
      case 'toggle':
        body[spec.name] = raw === 'true';
        break;
      default:
        body[spec.name] = raw;
    }
  }
  return { body: Object.keys(errors).length > 0 ? null : body, errors };
}

function initialValues(specs: readonly FieldSpec[], params: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const spec of specs) {
    const fromUrl = spec.private ? null : params.get(spec.name);
    values[spec.name] = fromUrl !== null && fromUrl.length <= 40 ? fromUrl : spec.initial;
  }
  return values;
}

/**
 * A calculator form: values as typed, kept in the URL query string (so a result can be shared),
 * sent to the server after a pause in typing; field errors from local parsing or from the
 * server's problem+json, keyed by field name.
 */
export function useCalculatorForm<K extends CalculatorKind>(kind: K, specs: readonly FieldSpec[]) {
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState(() => initialValues(specs, params));
  const [debounced] = useDebouncedValue(values, DEBOUNCE_MS);
  const { body, errors: localErrors } = useMemo(() => parse(specs, debounced), [specs, debounced]);
  const query = useCalculation(kind, body as CalculatorRequest<K> | null);

  // The URL follows the inputs (replace: typing must not fill the history).
  useEffect(() => {
    const next = new URLSearchParams();
    for (const spec of specs) {
      if (spec.private || (spec.when && !spec.when(debounced))) continue;
      const v = (debounced[spec.name] ?? '').trim();
      if (v !== '') next.set(spec.name, v);
    }
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [debounced, specs, params, setParams]);

  const serverErrors: Record<string, FieldError> = {};
  let unplacedError: { code: string; message: string } | null = null;
  if (isApiError(query.error) && body !== null) {
    for (const item of query.error.errors) {
      const name = item.field.split(/[./]/).at(-1) ?? '';
      if (specs.some((s) => s.name === name) && !serverErrors[name]) {
        serverErrors[name] = { code: item.code, message: item.message };
      } else if (!unplacedError) unplacedError = { code: item.code, message: item.message };
    }
  }
  const fieldErrors: Record<string, FieldError> = { ...serverErrors };
  for (const [name, local] of Object.entries(localErrors)) fieldErrors[name] = { local };

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    values,
    setValue: (name: string, value: string) => setValues((v) => ({ ...v, [name]: value })),
    fieldErrors,
    /** The figures of the current inputs; kept (dimmed) while inputs are wrong or loading. */
    result: query.data,
    /** The inputs changed and their answer is not here yet. */
    updating: values !== debounced || query.isFetching,
    /** The shown result is not for the inputs on screen (they are wrong, or the request failed). */
    stale: hasFieldErrors || query.isError || query.isPlaceholderData,
    /** A failure that is not about a field: network, rate limit, server. */
    requestError: query.isError && !hasFieldErrors ? query.error : null,
    unplacedError,
    retry: () => void query.refetch(),
    pending: query.isPending && body !== null,
  };
}
