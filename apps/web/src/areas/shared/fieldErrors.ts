import { isApiError } from '../../api/index.ts';

/**
 * problem+json `errors[]` keyed by the last segment of each field path (`body.password` ->
 * `password`), first message per field; only the fields the form has.
 */
export function serverFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, { code: string; message: string }>> {
  const out: Partial<Record<F, { code: string; message: string }>> = {};
  if (!isApiError(error)) return out;
  for (const item of error.errors) {
    const name = item.field.split(/[./]/).at(-1) as F | undefined;
    if (name && (fields as readonly string[]).includes(name) && !out[name]) {
      out[name] = { code: item.code, message: item.message };
    }
  }
  return out;
}

/** Put focus on the first field (in form order) that has an error. */
export function focusFirstError<F extends string>(
  errors: Partial<Record<F, unknown>>,
  order: readonly F[],
  refs: Partial<Record<F, { current: HTMLElement | null }>>,
) {
  const first = order.find((f) => errors[f]);
  if (first) refs[first]?.current?.focus();
}
